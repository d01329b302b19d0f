// The quiz's shapes (from the generated client) and the small rules its screens share.
//
//   import { type Teaser, quizLink, answersPayload, statusLabel, scoreText } from "@/lib/quiz";
import type { components } from "@/api/schema/quiz";

type Schemas = components["schemas"];
export type Teaser = Schemas["Teaser"];
export type QuizSummary = Schemas["QuizSummary"];
export type Question = Schemas["Question"];
export type Attempt = Schemas["Attempt"];
export type AttemptResult = Schemas["AttemptResult"];
export type CorrectedQuestion = Schemas["CorrectedQuestion"];
export type LinkedMission = Schemas["LinkedMission"];
export type ParticipantQuiz = Schemas["ParticipantQuiz"];
export type MyQuizzes = Schemas["MyQuizzes"];
export type AdminQuiz = Schemas["AdminQuiz"];
export type AdminQuizItem = Schemas["AdminQuizItem"];
export type QuizInput = Schemas["QuizInput"];
export type QuizFigures = Schemas["QuizFigures"];

/** The link e-mails and events use: {TANDEM_PUBLIC_URL}/quiz/{id}. */
export const quizLink = (id: string | undefined) => `/quiz/${encodeURIComponent(id ?? "")}`;

/** The body of POST /quizzes/{id}/attempt: one entry per question that has at least one choice ticked. */
export function answersPayload(chosen: Record<string, string[]>) {
  return {
    answers: Object.entries(chosen)
      .filter(([, choiceIds]) => choiceIds.length > 0)
      .map(([questionId, choiceIds]) => ({ question_id: questionId, choice_ids: choiceIds })),
  };
}

/** The questions left without an answer, as field errors keyed like the API's (« answers.<question id> »). */
export function unanswered(questions: Question[], chosen: Record<string, string[]>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const question of questions) {
    if (question.id && !(chosen[question.id] || []).length) {
      errors[`answers.${question.id}`] = question.multiple ? "Coche au moins une réponse." : "Choisis une réponse.";
    }
  }
  return errors;
}

export const STATUS_LABELS: Record<string, { label: string; tone: string }> = {
  draft: { label: "Brouillon", tone: "" },
  scheduled: { label: "Programmé", tone: "status--wait" },
  open: { label: "En ligne", tone: "status--ok" },
  closed: { label: "Terminé", tone: "status--ko" },
};
export const statusLabel = (status: string | undefined) => STATUS_LABELS[status ?? ""]?.label ?? status ?? "";
export const statusTone = (status: string | undefined) => STATUS_LABELS[status ?? ""]?.tone ?? "";

export const scoreText = (attempt: { score?: number; out_of?: number }) => `${attempt.score ?? 0} / ${attempt.out_of ?? 0}`;

/** An average score, French style (« 2,5 »), or « — » when nobody answered. */
export function averageText(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(value);
}
