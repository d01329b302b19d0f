import { describe, expect, it } from "vitest";

import { dateTime, dayMonth, longDate, mediumDate, shortDate } from "./format";

describe("French dates", () => {
  it("write the first of the month « 1er »", () => {
    expect(mediumDate("2026-10-01")).toBe("1er octobre 2026");
    expect(longDate("2027-02-01")).toBe("lundi 1er février 2027");
    expect(dayMonth("2027-02-01")).toBe("lundi 1er");
    expect(dateTime(new Date(2026, 9, 1, 9, 5))).toBe("1er octobre 2026 à 9 h 05");
  });

  it("leave the other days and the numeric form as they are", () => {
    expect(mediumDate("2026-10-11")).toBe("11 octobre 2026");
    expect(mediumDate("2026-10-21")).toBe("21 octobre 2026");
    expect(shortDate("2026-10-01")).toBe("01/10/2026");
  });
});
