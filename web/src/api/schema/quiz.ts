// Generated from services/quiz/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/admin/quizzes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tous les quiz, du plus récent au plus ancien (date d'ouverture), avec le nombre de réponses. */
        get: {
            parameters: {
                query?: {
                    status?: "draft" | "scheduled" | "open" | "closed" | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuizList"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Créer un quiz (brouillon). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuizInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Données invalides (questions, réponses, thèmes, dates). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/quizzes/{quiz_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        /** L'aperçu d'un quiz : questions, bonnes réponses, explications, sources, missions en lien, réponses reçues. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /**
         * Modifier un quiz. Dès qu'une personne a répondu, ses questions et ses bonnes réponses ne changent plus
         *     (les explications et les sources, si).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["QuizInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz terminé, ou dates en conflit avec un autre quiz programmé. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Données invalides, ou questions changées alors que des personnes ont déjà répondu. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/quizzes/{quiz_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clore un quiz maintenant : on ne peut plus y répondre ; les réponses restent lisibles dans MES QUIZ. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Le quiz n'est ni programmé ni ouvert. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/quizzes/{quiz_id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Programmer un brouillon : il deviendra le quiz du moment à sa date d'ouverture (tout de suite si elle est arrivée). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Pas un brouillon, ou un autre quiz est déjà prévu pour les mêmes entreprises aux mêmes dates. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/quizzes/{quiz_id}/unschedule": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repasser en brouillon un quiz programmé qui n'est pas encore ouvert. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réservé aux opérateurs de la plateforme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Le quiz n'est pas programmé (déjà ouvert, terminé ou brouillon). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{company_id}/quiz-results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Pour chaque quiz qu'a vu l'entreprise : combien de ses collaborateurs y ont répondu et leur score moyen, par entité. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompanyFigures"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Pas ton entreprise (ou tu n'en es pas administrateur). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Le quiz du moment, pour la page d'accueil : son titre et sa première question (sans les réponses).
         * @description Sans connexion, le quiz du moment ouvert à toutes les entreprises, et l'invitation à se connecter pour répondre.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CurrentQuiz"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le processus répond. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/quizzes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MES QUIZ : tes quiz réalisés (score, date, tes réponses, les bonnes réponses, les explications) et les quiz ouverts pas encore faits. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MyQuizzes"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/todo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La ligne « Réponds au quiz du moment » de la TO DO LIST : 1 tant que le quiz du moment n'a pas ta réponse. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Todo"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quizzes/{quiz_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        /** Un quiz à jouer : ses questions (sans les bonnes réponses), ta réponse et sa correction si tu y as répondu, les missions en lien. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParticipantQuiz"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu, pas encore ouvert, ou réservé à d'autres entreprises. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quizzes/{quiz_id}/attempt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                quiz_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Répondre au quiz, une fois : la réponse est définitive. Renvoie le score, les bonnes réponses, les explications et les missions en lien. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    quiz_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AttemptInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AttemptResult"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Jeton anti-CSRF manquant (session par cookie). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Quiz inconnu, pas encore ouvert, ou réservé à d'autres entreprises. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Tu as déjà répondu, ou le quiz est terminé ou pas encore ouvert. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Réponses invalides : question oubliée ou étrangère, réponse inconnue, plusieurs réponses à une question qui n'en a qu'une. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La base de données et le bus répondent. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description La base de données ou le bus ne répond pas. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ta session telle que ce service la voit.
         * @description Ce service vérifie lui-même le jeton : signature, algorithme, audience, émetteur,
         *     expiration, et date à partir de laquelle les jetons de la personne sont valides.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceSession"];
                    };
                };
                /** @description Jeton absent, invalide, expiré ou révoqué (déconnexion, compte désactivé). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminChoice: {
            correct?: boolean;
            id?: string;
            label?: string;
        };
        AdminQuestion: {
            choices?: components["schemas"]["AdminChoice"][];
            explanation?: string;
            id?: string;
            multiple?: boolean;
            source_title?: string;
            source_url?: string;
            statement?: string;
        };
        AdminQuiz: {
            /** @description Réponses reçues ; au-delà de 0, les questions ne changent plus. */
            attempts?: number;
            /** Format: date-time */
            closed_at?: string | null;
            /** Format: date */
            closes_on?: string;
            company_ids?: string[];
            /** Format: date-time */
            created_at?: string;
            id?: string;
            introduction?: string;
            /** @description L'aperçu des missions liées. */
            linked_missions?: components["schemas"]["LinkedMission"][];
            mission_ids?: string[];
            /** Format: date-time */
            opened_at?: string | null;
            /** Format: date */
            opens_on?: string;
            question_count?: number;
            questions?: components["schemas"]["AdminQuestion"][];
            questions_locked?: boolean;
            /** @description `open` (on peut y répondre) ou `closed` (terminé). */
            status?: string;
            themes?: string[];
            title?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        AdminQuizItem: {
            /** @description Réponses reçues ; au-delà de 0, les questions ne changent plus. */
            attempts?: number;
            /** Format: date-time */
            closed_at?: string | null;
            /** Format: date */
            closes_on?: string;
            company_ids?: string[];
            /** Format: date-time */
            created_at?: string;
            id?: string;
            introduction?: string;
            mission_ids?: string[];
            /** Format: date-time */
            opened_at?: string | null;
            /** Format: date */
            opens_on?: string;
            question_count?: number;
            questions_locked?: boolean;
            /** @description `open` (on peut y répondre) ou `closed` (terminé). */
            status?: string;
            themes?: string[];
            title?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        AdminQuizList: {
            items?: components["schemas"]["AdminQuizItem"][];
            total?: number;
        };
        AnswerInput: {
            choice_ids: string[];
            question_id: string;
        };
        AnsweredQuiz: {
            attempt?: components["schemas"]["Attempt"];
            quiz?: components["schemas"]["QuizSummary"];
        };
        Attempt: {
            /** @description Le mot sous le score. */
            comment?: string;
            id?: string;
            out_of?: number;
            percent?: number;
            questions?: components["schemas"]["CorrectedQuestion"][];
            quiz_id?: string;
            score?: number;
            /** Format: date-time */
            submitted_at?: string;
        };
        AttemptInput: {
            /** @description Une entrée par question du quiz. */
            answers: components["schemas"]["AnswerInput"][];
        };
        AttemptResult: {
            /** @description Le mot sous le score. */
            comment?: string;
            id?: string;
            linked_missions?: components["schemas"]["LinkedMission"][];
            out_of?: number;
            percent?: number;
            questions?: components["schemas"]["CorrectedQuestion"][];
            quiz_id?: string;
            score?: number;
            /** Format: date-time */
            submitted_at?: string;
        };
        Choice: {
            id?: string;
            label?: string;
        };
        ChoiceInput: {
            /** @description Une bonne réponse (une question en a au moins une). */
            correct: boolean;
            label: string;
        };
        CompanyFigures: {
            company_id?: string;
            quizzes?: components["schemas"]["QuizFigures"][];
        };
        CorrectedChoice: {
            /** @description La réponse que tu as donnée. */
            chosen?: boolean;
            correct?: boolean;
            id?: string;
            label?: string;
        };
        CorrectedQuestion: {
            choices?: components["schemas"]["CorrectedChoice"][];
            explanation?: string;
            id?: string;
            multiple?: boolean;
            /** @description Tu as trouvé toutes les bonnes réponses, et rien d'autre. */
            right?: boolean;
            source?: components["schemas"]["Source"];
            statement?: string;
        };
        CurrentQuiz: {
            /** @description Tu y as déjà répondu (toujours faux sans connexion). */
            answered?: boolean;
            /** @description « Connecte-toi pour répondre au quiz », sans connexion. */
            login_message?: string | null;
            /** @description Le quiz du moment ; null s'il n'y en a pas. */
            quiz?: components["schemas"]["Teaser"] | null;
            signed_in?: boolean;
        };
        EntityFigures: {
            average_score?: number | null;
            entity_id?: string | null;
            /** @description « Entité non renseignée » quand on ne la connaît pas. */
            entity_name?: string;
            respondents?: number;
        };
        LinkedMission: {
            association_name?: string;
            city?: string | null;
            department?: string | null;
            id?: string;
            themes?: string[];
            title?: string;
            url?: string;
        };
        MyQuizzes: {
            /** @description Tes quiz réalisés, les plus récents d'abord. */
            answered?: components["schemas"]["AnsweredQuiz"][];
            /** @description Les quiz ouverts auxquels tu n'as pas encore répondu. */
            to_answer?: components["schemas"]["QuizSummary"][];
        };
        PaginationMetadata: {
            /** @description First available page number. */
            first_page?: number;
            /** @description Last available page number. */
            last_page?: number;
            /** @description Next page number. */
            next_page?: number;
            /** @description Current page number. */
            page?: number;
            /** @description Previous page number. */
            previous_page?: number;
            /** @description Total number of items. */
            total?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        ParticipantQuiz: {
            /** @description Pourquoi tu ne peux pas (ou plus) répondre. */
            answer_refusal?: string | null;
            /** @description Ta réponse, avec la correction ; null avant. */
            attempt?: components["schemas"]["Attempt"] | null;
            can_answer?: boolean;
            /** Format: date */
            closes_on?: string;
            id?: string;
            introduction?: string;
            /** @description « Des missions en lien avec ce quiz ». */
            linked_missions?: components["schemas"]["LinkedMission"][];
            /** Format: date */
            opens_on?: string;
            question_count?: number;
            questions?: components["schemas"]["Question"][];
            /** @description `open` (on peut y répondre) ou `closed` (terminé). */
            status?: string;
            themes?: string[];
            title?: string;
        };
        Problem: {
            /** @description Ce qui s'est passé, en français, à montrer tel quel. */
            detail: string;
            /** @description Les messages par champ, quand des données sont invalides. */
            errors?: unknown;
            status: number;
            /** @description L'intitulé du statut, en français. */
            title: string;
            /** @description Toujours `about:blank`. */
            type: string;
        } & {
            [key: string]: unknown;
        };
        Question: {
            choices?: components["schemas"]["Choice"][];
            id?: string;
            /** @description Plusieurs réponses possibles (cases à cocher) ; sinon une seule. */
            multiple?: boolean;
            statement?: string;
        };
        QuestionInput: {
            choices: components["schemas"]["ChoiceInput"][];
            /** @description « Bouscule tes idées reçues » : pourquoi la réponse est celle-là, montré après la réponse. */
            explanation: string;
            /** @description La source publique (ADEME, INSEE, Santé publique France…). */
            source_title: string;
            /** Format: url */
            source_url: string;
            statement: string;
        };
        QuizFigures: {
            average_score?: number | null;
            /** Format: date */
            closes_on?: string;
            entities?: components["schemas"]["EntityFigures"][];
            /** Format: date */
            opens_on?: string;
            /** @description Le nombre de questions : le score est sur ce nombre. */
            out_of?: number;
            quiz_id?: string;
            respondents?: number;
            status?: string;
            title?: string;
        };
        QuizInput: {
            /**
             * Format: date
             * @description Son dernier jour (par défaut 15 jours en tout).
             * @default null
             */
            closes_on?: string | null;
            /** @description Réservé à ces entreprises ; vide : toutes les entreprises. */
            company_ids?: string[];
            introduction: string;
            /** @description Missions choisies pour « Des missions en lien avec ce quiz » ; vide : celles de ses thèmes. */
            mission_ids?: string[];
            /**
             * Format: date
             * @description Le jour où il devient le quiz du moment.
             */
            opens_on: string;
            questions: components["schemas"]["QuestionInput"][];
            /** @description Les causes que sert le quiz (thèmes de GET /api/catalog/taxonomy). */
            themes: string[];
            title: string;
        };
        QuizSummary: {
            /** Format: date */
            closes_on?: string;
            id?: string;
            introduction?: string;
            /** Format: date */
            opens_on?: string;
            question_count?: number;
            /** @description `open` (on peut y répondre) ou `closed` (terminé). */
            status?: string;
            themes?: string[];
            title?: string;
        };
        ServiceSession: {
            /** @description Ses rôles, triés. */
            roles: string[];
            /** @description Le service qui a vérifié le jeton. */
            service: string;
            /** @description La personne identifiée par le jeton (`sub`). */
            subject: string;
        };
        Source: {
            title?: string;
            url?: string;
        };
        Teaser: {
            /** Format: date */
            closes_on?: string;
            /** @description La première question, sans ses bonnes réponses. */
            first_question?: components["schemas"]["Question"];
            id?: string;
            introduction?: string;
            /** Format: date */
            opens_on?: string;
            question_count?: number;
            /** @description `open` (on peut y répondre) ou `closed` (terminé). */
            status?: string;
            themes?: string[];
            title?: string;
        };
        Todo: {
            /** @description « Réponds au quiz du moment » : 1 tant que tu n'y as pas répondu, sinon 0. */
            answer_current_quiz?: number;
            current_quiz_id?: string | null;
        };
    };
    responses: {
        /** @description Erreur (document problem+json) */
        DEFAULT_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unprocessable Entity */
        UNPROCESSABLE_ENTITY: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
