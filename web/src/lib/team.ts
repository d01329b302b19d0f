// « Les missions de mon équipe »: what the team view needs beyond the API's answers.
//
//   decisionShown(members, request)  engagement's view of the member's mission no longer shows the request's dates
//                                    waiting for the manager (the decision reached it through the bus)
//   lastDayToAccept(request)         the request's first date when the manager may still accept it, else ""

import type { ApprovalSchemas, EngagementSchemas } from "@/api";

type TeamParticipation = EngagementSchemas["TeamParticipation"];
type Request = Pick<ApprovalSchemas["ManagerRequest"], "participation_id" | "dates">;

export function decisionShown(members: TeamParticipation[], request: Request): boolean {
  const mission = members.find((item) => item.id === request.participation_id);
  // Not in the view (another year, past the first 100): nothing there to wait for.
  if (!mission) return true;
  const asked = new Set((request.dates || []).map((day) => day.date));
  return !(mission.months || []).some((month) => (month.dates || []).some((day) => asked.has(String(day.date)) && day.state === "pending"));
}

export function lastDayToAccept(request: Pick<ApprovalSchemas["ManagerRequest"], "status" | "accept_until" | "acceptance_refused">): string {
  return request.status === "pending" && !request.acceptance_refused && request.accept_until ? request.accept_until : "";
}
