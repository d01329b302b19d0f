import { describe, expect, it } from "vitest";

import { dateRange, dateTime, dayMonth, frenchSpacing, longDate, mediumDate, shortDate } from "./format";

describe("French dates", () => {
  it("write the first of the month « 1er »", () => {
    expect(mediumDate("2026-10-01")).toBe("1er octobre 2026");
    expect(longDate("2027-02-01")).toBe("lundi 1er février 2027");
    expect(dayMonth("2027-02-01")).toBe("lundi 1er");
    expect(dateTime(new Date(2026, 9, 1, 9, 5))).toBe("1er octobre 2026 à 9\u00a0h\u00a005");
  });

  it("leave the other days and the numeric form as they are", () => {
    expect(mediumDate("2026-10-11")).toBe("11 octobre 2026");
    expect(mediumDate("2026-10-21")).toBe("21 octobre 2026");
    expect(shortDate("2026-10-01")).toBe("01/10/2026");
  });
});

describe("French typography for texts shown as they are", () => {
  it("keeps « : ; ! ? » and the guillemets on the line of the word they belong to", () => {
    expect(frenchSpacing("Refuse-la : Camille pourra demander d'autres dates.")).toBe("Refuse-la\u00a0: Camille pourra demander d'autres dates.");
    expect(frenchSpacing("Tu es sensible à sa cause ? Oui ! Alors ; vas-y")).toBe("Tu es sensible à sa cause\u202f? Oui\u202f! Alors\u202f; vas-y");
    expect(frenchSpacing("Camille — « Faites découvrir les sciences »")).toBe("Camille — «\u00a0Faites découvrir les sciences\u00a0»");
    expect(frenchSpacing("https://tandem.example/a?b=1 sans espace:ici")).toBe("https://tandem.example/a?b=1 sans espace:ici");
    expect(frenchSpacing(null)).toBe("");
  });
});

describe("a period of days", () => {
  it("says its year, and its month, once", () => {
    expect(dateRange("2026-12-04", "2026-12-05")).toBe("du 4 au 5 décembre 2026");
    expect(dateRange("2026-11-30", "2026-12-14")).toBe("du 30 novembre au 14 décembre 2026");
    expect(dateRange("2026-12-28", "2027-01-03")).toBe("du 28 décembre 2026 au 3 janvier 2027");
    expect(dateRange("2026-12-01", "2026-12-03")).toBe("du 1er au 3 décembre 2026");
    expect(dateRange("2026-12-04", "2026-12-04")).toBe("le 4 décembre 2026");
    expect(dateRange(null, "2026-12-04")).toBe("");
  });
});
