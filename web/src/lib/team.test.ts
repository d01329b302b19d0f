import { describe, expect, it } from "vitest";
import type { EngagementSchemas } from "@/api";
import { decisionShown, lastDayToAccept } from "./team";

type TeamParticipation = EngagementSchemas["TeamParticipation"];

const member = (id: string, states: Record<string, string>): TeamParticipation => ({
  id,
  months: [{ month: "Décembre 2026", dates: Object.entries(states).map(([date, state]) => ({ date, state })) }],
}) as TeamParticipation;
const request = { participation_id: "p1", dates: [{ date: "2026-12-09" }, { date: "2026-12-10" }] };

describe("the team view following a decision", () => {
  it("waits while one of the request's dates still waits for the manager in the member's mission", () => {
    expect(decisionShown([member("p1", { "2026-12-09": "pending", "2026-12-10": "pending" })], request)).toBe(false);
    expect(decisionShown([member("p1", { "2026-12-09": "approved", "2026-12-10": "pending" })], request)).toBe(false);
  });

  it("is done once they are decided, whatever another request of the same mission still waits", () => {
    expect(decisionShown([member("p1", { "2026-12-09": "approved", "2026-12-10": "approved", "2027-01-04": "pending" })], request)).toBe(true);
    expect(decisionShown([member("p1", { "2026-12-09": "refused", "2026-12-10": "refused" })], request)).toBe(true);
  });

  it("has nothing to wait for when the mission is not in the view, and looks at that mission only", () => {
    expect(decisionShown([], request)).toBe(true);
    expect(decisionShown([member("p2", { "2026-12-09": "pending" })], request)).toBe(true);
  });
});

describe("the last day a request may be accepted", () => {
  it("is its first date while it waits and may be accepted, and nothing otherwise", () => {
    expect(lastDayToAccept({ status: "pending", accept_until: "2026-12-09", acceptance_refused: null })).toBe("2026-12-09");
    expect(lastDayToAccept({ status: "pending", accept_until: "2026-12-09", acceptance_refused: "Le lundi … est passé" })).toBe("");
    expect(lastDayToAccept({ status: "approved", accept_until: "2026-12-09", acceptance_refused: null })).toBe("");
  });
});
