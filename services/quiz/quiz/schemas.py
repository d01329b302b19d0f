"""Quiz's API shapes (marshmallow): what the home page, MES QUIZ, the TO DO LIST, the back office and the company
figures send and receive. Right answers appear only in the shapes of an attempt's correction and of the back office."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.date_fields import CalendarDate
from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.text_fields import MultiLineString, SingleLineString

from . import domain

_ID = validate.Length(min=1, max=64)


# -- input ----------------------------------------------------------------------------------------------------------

class ChoiceInputSchema(Schema):
    label = SingleLineString(required=True, validate=validate.Length(min=1, max=300))
    correct = StrictBoolean(required=True, metadata={"description": "Une bonne réponse (une question en a au moins une)."})


class QuestionInputSchema(Schema):
    statement = MultiLineString(required=True, validate=validate.Length(min=3, max=1000))
    choices = fields.List(fields.Nested(ChoiceInputSchema), required=True,
                          validate=validate.Length(min=domain.MIN_CHOICES, max=domain.MAX_CHOICES))
    explanation = MultiLineString(required=True, validate=validate.Length(min=3, max=4000),
                                metadata={"description": "« Bouscule tes idées reçues » : pourquoi la réponse est celle-là, montré après la réponse."})
    source_title = SingleLineString(required=True, validate=validate.Length(min=3, max=300),
                                 metadata={"description": "La source publique (ADEME, INSEE, Santé publique France…)."})
    source_url = fields.Url(required=True, schemes={"https", "http"}, validate=validate.Length(max=500))


class QuizInputSchema(Schema):
    title = SingleLineString(required=True, validate=validate.Length(min=3, max=200))
    introduction = MultiLineString(required=True, validate=validate.Length(min=1, max=2000))
    themes = fields.List(SingleLineString(), required=True, validate=validate.Length(min=1, max=len(domain.THEMES)),
                         metadata={"description": "Les causes que sert le quiz (thèmes de GET /api/catalog/taxonomy)."})
    opens_on = CalendarDate(required=True, metadata={"description": "Le jour où il devient le quiz du moment."})
    closes_on = CalendarDate(load_default=None, metadata={"description": "Son dernier jour (par défaut 15 jours en tout)."})
    company_ids = fields.List(SingleLineString(validate=_ID), load_default=list, validate=validate.Length(max=200),
                              metadata={"description": "Réservé à ces entreprises ; vide : toutes les entreprises."})
    mission_ids = fields.List(SingleLineString(validate=_ID), load_default=list, validate=validate.Length(max=domain.LINKED_MISSIONS),
                              metadata={"description": "Missions choisies pour « Des missions en lien avec ce quiz » ; vide : celles de ses thèmes."})
    questions = fields.List(fields.Nested(QuestionInputSchema), required=True,
                            validate=validate.Length(min=domain.MIN_QUESTIONS, max=domain.MAX_QUESTIONS))


class AnswerInputSchema(Schema):
    question_id = SingleLineString(required=True, validate=_ID)
    choice_ids = fields.List(SingleLineString(validate=_ID), required=True, validate=validate.Length(min=1, max=domain.MAX_CHOICES))


class AttemptInputSchema(Schema):
    answers = fields.List(fields.Nested(AnswerInputSchema), required=True,
                          validate=validate.Length(min=1, max=domain.MAX_QUESTIONS),
                          metadata={"description": "Une entrée par question du quiz."})


class AdminQuizQuerySchema(Schema):
    status = SingleLineString(load_default=None, validate=validate.OneOf([s.value for s in domain.QuizStatus]))


# -- output: what a participant sees --------------------------------------------------------------------------------

class ChoiceSchema(Schema):
    id = fields.String()
    label = fields.String()


class QuestionSchema(Schema):
    id = fields.String()
    statement = fields.String()
    multiple = fields.Boolean(metadata={"description": "Plusieurs réponses possibles (cases à cocher) ; sinon une seule."})
    choices = fields.List(fields.Nested(ChoiceSchema))


class SourceSchema(Schema):
    title = fields.String()
    url = fields.String()


class CorrectedChoiceSchema(ChoiceSchema):
    correct = fields.Boolean()
    chosen = fields.Boolean(metadata={"description": "La réponse que tu as donnée."})


class CorrectedQuestionSchema(Schema):
    id = fields.String()
    statement = fields.String()
    multiple = fields.Boolean()
    choices = fields.List(fields.Nested(CorrectedChoiceSchema))
    right = fields.Boolean(metadata={"description": "Tu as trouvé toutes les bonnes réponses, et rien d'autre."})
    explanation = fields.String()
    source = fields.Nested(SourceSchema)


class AttemptSchema(Schema):
    id = fields.String()
    quiz_id = fields.String()
    submitted_at = fields.AwareDateTime()
    score = fields.Integer()
    out_of = fields.Integer()
    percent = fields.Integer()
    comment = fields.String(metadata={"description": "Le mot sous le score."})
    questions = fields.List(fields.Nested(CorrectedQuestionSchema))


class LinkedMissionSchema(Schema):
    id = fields.String()
    title = fields.String()
    association_name = fields.String()
    themes = fields.List(fields.String())
    city = fields.String(allow_none=True)
    department = fields.String(allow_none=True)
    url = fields.String()


class QuizSummarySchema(Schema):
    id = fields.String()
    title = fields.String()
    introduction = fields.String()
    themes = fields.List(fields.String())
    opens_on = fields.Date()
    closes_on = fields.Date()
    status = fields.String(metadata={"description": "`open` (on peut y répondre) ou `closed` (terminé)."})
    question_count = fields.Integer()


class TeaserSchema(QuizSummarySchema):
    first_question = fields.Nested(QuestionSchema, metadata={"description": "La première question, sans ses bonnes réponses."})


class CurrentQuizSchema(Schema):
    quiz = fields.Nested(TeaserSchema, allow_none=True, metadata={"description": "Le quiz du moment ; null s'il n'y en a pas."})
    signed_in = fields.Boolean()
    answered = fields.Boolean(metadata={"description": "Tu y as déjà répondu (toujours faux sans connexion)."})
    login_message = fields.String(allow_none=True, metadata={"description": "« Connecte-toi pour répondre au quiz », sans connexion."})


class ParticipantQuizSchema(QuizSummarySchema):
    questions = fields.List(fields.Nested(QuestionSchema))
    can_answer = fields.Boolean()
    answer_refusal = fields.String(allow_none=True, metadata={"description": "Pourquoi tu ne peux pas (ou plus) répondre."})
    attempt = fields.Nested(AttemptSchema, allow_none=True, metadata={"description": "Ta réponse, avec la correction ; null avant."})
    linked_missions = fields.List(fields.Nested(LinkedMissionSchema), metadata={"description": "« Des missions en lien avec ce quiz »."})


class AttemptResultSchema(AttemptSchema):
    linked_missions = fields.List(fields.Nested(LinkedMissionSchema))


class AnsweredQuizSchema(Schema):
    quiz = fields.Nested(QuizSummarySchema)
    attempt = fields.Nested(AttemptSchema)


class MyQuizzesSchema(Schema):
    answered = fields.List(fields.Nested(AnsweredQuizSchema), metadata={"description": "Tes quiz réalisés, les plus récents d'abord."})
    to_answer = fields.List(fields.Nested(QuizSummarySchema), metadata={"description": "Les quiz ouverts auxquels tu n'as pas encore répondu."})


class TodoSchema(Schema):
    answer_current_quiz = fields.Integer(metadata={"description": "« Réponds au quiz du moment » : 1 tant que tu n'y as pas répondu, sinon 0."})
    current_quiz_id = fields.String(allow_none=True)


# -- output: the back office and the company figures ----------------------------------------------------------------

class AdminChoiceSchema(ChoiceSchema):
    correct = fields.Boolean()


class AdminQuestionSchema(Schema):
    id = fields.String()
    statement = fields.String()
    multiple = fields.Boolean()
    choices = fields.List(fields.Nested(AdminChoiceSchema))
    explanation = fields.String()
    source_title = fields.String()
    source_url = fields.String()


class AdminQuizItemSchema(QuizSummarySchema):
    company_ids = fields.List(fields.String())
    mission_ids = fields.List(fields.String())
    attempts = fields.Integer(metadata={"description": "Réponses reçues ; au-delà de 0, les questions ne changent plus."})
    questions_locked = fields.Boolean()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    opened_at = fields.AwareDateTime(allow_none=True)
    closed_at = fields.AwareDateTime(allow_none=True)


class AdminQuizSchema(AdminQuizItemSchema):
    questions = fields.List(fields.Nested(AdminQuestionSchema))
    linked_missions = fields.List(fields.Nested(LinkedMissionSchema), metadata={"description": "L'aperçu des missions liées."})


class AdminQuizListSchema(Schema):
    items = fields.List(fields.Nested(AdminQuizItemSchema))
    total = fields.Integer()


class EntityFiguresSchema(Schema):
    entity_id = fields.String(allow_none=True)
    entity_name = fields.String(metadata={"description": "« Entité non renseignée » quand on ne la connaît pas."})
    respondents = fields.Integer()
    average_score = fields.Float(allow_none=True)


class QuizFiguresSchema(Schema):
    quiz_id = fields.String()
    title = fields.String()
    opens_on = fields.Date()
    closes_on = fields.Date()
    status = fields.String()
    out_of = fields.Integer(metadata={"description": "Le nombre de questions : le score est sur ce nombre."})
    respondents = fields.Integer()
    average_score = fields.Float(allow_none=True)
    entities = fields.List(fields.Nested(EntityFiguresSchema))


class CompanyFiguresSchema(Schema):
    company_id = fields.String()
    quizzes = fields.List(fields.Nested(QuizFiguresSchema))
