import { describe, expect, it } from "vitest";
import type { DocumentsSchemas, EngagementSchemas } from "@/api";
import { dateStateLabel, documentsFollow, remainingDays } from "./participation";

type Dashboard = EngagementSchemas["Dashboard"];
type Participation = EngagementSchemas["Participation"];

const dashboard = (allowance: Dashboard["allowance"], days_remaining: number | null = 1): Dashboard =>
  ({ year: 2026, allowance, days_remaining }) as Dashboard;
const annual = { kind: "annual", days: 2, label: "2 jours par an", weekly_from: null };
const booked = [{ year: 2027, status: "open", days_approved: 1, days_pending: 0.5 }] as Participation[];

describe("what is left of the year's allowance", () => {
  it("is the dashboard's figure for its own year, and the year's days minus the days booked for another", () => {
    expect(remainingDays(2026, dashboard(annual, 1.5), booked)).toBe(1.5);
    expect(remainingDays(2027, dashboard(annual), booked)).toBe(0.5);
  });

  it("is unknown at one day a week, and for a year the end-of-career months reach", () => {
    expect(remainingDays(2026, dashboard({ ...annual, kind: "weekly", days: 1 }, null), booked)).toBeNull();
    const before = { ...annual, weekly_from: "2027-03-01" };
    expect(remainingDays(2027, dashboard(before), booked)).toBeNull();
    expect(remainingDays(2026, dashboard(before, 2), booked)).toBe(2);
  });
});

describe("a date's label in « Mes missions »", () => {
  const pending = { date: "2026-12-14", state: "pending", too_late: false } as EngagementSchemas["MissionDate"];
  it("waits for the manager until the day, then says nobody can accept it any more", () => {
    expect(dateStateLabel(pending)).toBe("en attente de ton manager");
    expect(dateStateLabel({ ...pending, too_late: true })).toBe("passée sans validation");
    expect(dateStateLabel({ ...pending, state: "approved", present: true })).toBe("validée — présence attestée");
  });
});

describe("whether documents has caught up with a withdrawal", () => {
  const participation = (id: string, status: string) => ({ id, status }) as Participation;
  const convention = (participation_id: string, state: string) => ({ participation_id, state }) as DocumentsSchemas["Convention"];

  it("waits while a mission left still has a convention to sign", () => {
    expect(documentsFollow([participation("p1", "withdrawn")], [convention("p1", "to_sign")])).toBe(false);
  });

  it("is done once that convention is withdrawn, and for conventions of missions still under way", () => {
    expect(documentsFollow([participation("p1", "withdrawn")], [convention("p1", "withdrawn")])).toBe(true);
    expect(documentsFollow([participation("p1", "open")], [convention("p1", "to_sign")])).toBe(true);
    expect(documentsFollow([participation("p1", "withdrawn")], [convention("p1", "signed"), convention("p2", "to_sign")])).toBe(true);
    expect(documentsFollow([], [])).toBe(true);
  });
});
