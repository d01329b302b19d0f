"""The demo quizzes: eight, one every 15 days, in the guide's tone (tutoiement).

Facts only from public sources, each explanation naming its source; where a figure was not certain, the question
asks for no figure. `period` places a quiz in the 15-day rhythm around today: 0 is the quiz du moment, negative
ones are closed, positive ones are scheduled. In each question, the choices marked True are the right ones.
"""
from __future__ import annotations

Q = dict  # a question: statement, choices [(label, right)], explanation, source (title, url)

QUIZZES: list[dict] = [
    {
        "period": -4,
        "title": "Ton don compte double",
        "themes": ["social / précarité"],
        "introduction": "Donner à une association, ça coûte moins cher qu'on ne le croit. Teste tes connaissances !",
        "questions": [
            Q(statement="Tu donnes 100 € à une association d'intérêt général. Quelle part peux-tu déduire de tes impôts ?",
              choices=[("66 %, dans la limite de 20 % de ton revenu imposable", True), ("100 %", False), ("Rien du tout", False)],
              explanation="Un don à une association d'intérêt général ouvre droit à une réduction d'impôt de 66 % de son montant, "
                          "dans la limite de 20 % du revenu imposable : ton don de 100 € te coûte en réalité 34 €.",
              source=("Service-Public.fr — Réduction d'impôt pour les dons aux associations", "https://www.service-public.fr/particuliers/vosdroits/F426")),
            Q(statement="Et si ton don va à une association qui fournit gratuitement des repas aux personnes en difficulté ?",
              choices=[("La réduction d'impôt monte à 75 %, jusqu'à un plafond", True), ("C'est la même chose : 66 %", False),
                       ("Ce don-là n'ouvre droit à rien", False)],
              explanation="C'est le dispositif dit « loi Coluche » : les dons aux organismes qui aident les personnes en difficulté "
                          "(repas, soins, logement) ouvrent droit à 75 % de réduction jusqu'à un plafond revu chaque année ; au-delà, 66 %.",
              source=("Service-Public.fr — Réduction d'impôt pour les dons aux associations", "https://www.service-public.fr/particuliers/vosdroits/F426")),
            Q(statement="En France, comment l'INSEE définit-il le seuil de pauvreté le plus utilisé ?",
              choices=[("60 % du niveau de vie médian", True), ("Le montant du SMIC", False), ("Le montant du RSA", False)],
              explanation="La pauvreté monétaire se mesure par rapport au reste de la population : une personne est pauvre quand son "
                          "niveau de vie est sous 60 % du niveau de vie médian (la moitié de la population vit avec plus, l'autre avec moins).",
              source=("INSEE — Définition : seuil de pauvreté", "https://www.insee.fr/fr/metadonnees/definition/c1653")),
        ],
    },
    {
        "period": -3,
        "title": "Les numéros qui protègent",
        "themes": ["droit / égalité", "santé / handicap", "senior / isolement"],
        "introduction": "Un numéro peut tout changer. Les connais-tu ? Partage-les autour de toi.",
        "questions": [
            Q(statement="Le 3919, c'est…",
              choices=[("Le numéro national d'écoute des femmes victimes de violences", True), ("Le numéro des pompiers", False),
                       ("Un service payant de conseil juridique", False)],
              explanation="Le 3919 « Violences Femmes Info » est gratuit et anonyme. Il écoute, informe et oriente les femmes "
                          "victimes de violences, leur entourage et les professionnels.",
              source=("Arrêtons les violences — gouvernement", "https://arretonslesviolences.gouv.fr")),
            Q(statement="Quel numéro appeler si toi ou un proche traversez une crise suicidaire ?",
              choices=[("Le 3114", True), ("Le 3919", False), ("Le 118 218", False)],
              explanation="Le 3114 est le numéro national de prévention du suicide : gratuit, 24 h/24 et 7 j/7, avec des "
                          "professionnels du soin formés. Il répond aussi à l'entourage et aux personnes endeuillées.",
              source=("3114 — Numéro national de prévention du suicide", "https://3114.fr")),
            Q(statement="Tu t'inquiètes pour une personne âgée ou en situation de handicap qui semble maltraitée. Tu peux appeler…",
              choices=[("Le 3977", True), ("Personne : ce n'est pas ton affaire", False), ("Le 3114", False)],
              explanation="Le 3977 est le numéro national contre les maltraitances envers les personnes âgées et les adultes "
                          "en situation de handicap. Témoins, proches et victimes peuvent l'appeler.",
              source=("3977 — Contre les maltraitances", "https://3977.fr")),
        ],
    },
    {
        "period": -2,
        "title": "Handicap : bouscule tes idées reçues",
        "themes": ["santé / handicap", "emploi / insertion"],
        "introduction": "Le handicap au travail, on en parle ? Trois questions pour changer de regard.",
        "questions": [
            Q(statement="Une entreprise de 20 salariés ou plus doit employer des personnes handicapées à hauteur de…",
              choices=[("6 % de son effectif", True), ("1 % de son effectif", False), ("Aucune obligation", False)],
              explanation="L'obligation d'emploi des travailleurs handicapés (OETH) fixe à 6 % de l'effectif la part de travailleurs "
                          "handicapés pour les entreprises d'au moins 20 salariés ; sinon, elles versent une contribution.",
              source=("Agefiph — L'obligation d'emploi des travailleurs handicapés", "https://www.agefiph.fr")),
            Q(statement="Un handicap se voit-il toujours ?",
              choices=[("Non : beaucoup de handicaps sont invisibles", True), ("Oui, presque toujours", False)],
              explanation="Maladies chroniques, troubles psychiques, troubles « dys », déficiences auditives… De nombreux "
                          "handicaps ne se voient pas : c'est pourquoi beaucoup de salariés concernés n'en parlent pas.",
              source=("Agefiph — Handicap et emploi", "https://www.agefiph.fr")),
            Q(statement="Qui décide de la reconnaissance de la qualité de travailleur handicapé (RQTH) ?",
              choices=[("La MDPH (Maison départementale des personnes handicapées)", True), ("L'employeur", False),
                       ("Le médecin traitant", False)],
              explanation="La RQTH se demande à la MDPH de ton département ; c'est sa commission (CDAPH) qui décide. "
                          "Ton employeur n'a pas à être informé de ta demande.",
              source=("Service-Public.fr — Reconnaissance de la qualité de travailleur handicapé (RQTH)", "https://www.service-public.fr/particuliers/vosdroits/F1650")),
        ],
    },
    {
        "period": -1,
        "title": "Apprendre, à tout âge",
        "themes": ["éducation / formation", "enfance / famille"],
        "introduction": "Lire, écrire, apprendre : des évidences ? Pas pour tout le monde.",
        "questions": [
            Q(statement="En France, à partir de quel âge l'instruction est-elle obligatoire depuis la rentrée 2019 ?",
              choices=[("3 ans", True), ("6 ans", False), ("5 ans", False)],
              explanation="La loi pour une école de la confiance (2019) a abaissé l'âge de l'instruction obligatoire de 6 à 3 ans.",
              source=("Ministère de l'Éducation nationale — L'instruction obligatoire", "https://www.education.gouv.fr")),
            Q(statement="Une personne allée à l'école en France mais qui ne maîtrise pas assez la lecture et l'écriture pour "
                        "les situations simples de la vie courante est en situation…",
              choices=[("D'illettrisme", True), ("D'analphabétisme", False), ("De français langue étrangère", False)],
              explanation="L'illettrisme concerne des personnes scolarisées en France ; l'analphabétisme, des personnes qui n'ont "
                          "jamais appris à lire ; le français langue étrangère, des personnes qui ont appris une autre langue d'abord.",
              source=("ANLCI — Agence nationale de lutte contre l'illettrisme", "https://www.anlci.gouv.fr")),
            Q(statement="Entre 16 et 18 ans, un jeune doit…",
              choices=[("Être en formation, en études, en emploi ou en parcours d'insertion", True), ("Rien : l'obligation s'arrête à 16 ans", False)],
              explanation="Depuis la rentrée 2020, l'obligation de formation prolonge l'instruction obligatoire jusqu'à 18 ans : "
                          "aucun jeune ne doit rester sans solution.",
              source=("Ministère de l'Éducation nationale — L'obligation de formation des 16-18 ans", "https://www.education.gouv.fr")),
        ],
    },
    {
        "period": 0,
        "title": "Ton assiette et le climat",
        "themes": ["environnement"],
        "introduction": "Bouscule tes idées reçues et engage-toi pour une cause : ce que tu manges pèse sur le climat.",
        "questions": [
            Q(statement="Pour réduire son empreinte carbone, il vaut mieux manger…",
              choices=[("Local", False), ("Moins de viande", True)],
              explanation="Manger local a du sens, mais le transport ne pèse en général qu'une petite part de l'empreinte d'un "
                          "aliment : c'est surtout sa production qui compte. Un repas avec du bœuf émet bien plus qu'un repas végétarien.",
              source=("ADEME — Impact CO2 : l'alimentation", "https://impactco2.fr/outils/alimentation")),
            Q(statement="Ton yaourt a dépassé sa date « À consommer de préférence avant » (DDM). Tu peux…",
              choices=[("Le manger s'il a bonne allure : la date est indicative", True), ("Le jeter : il est dangereux", False)],
              explanation="La DDM n'est pas une date limite : passé ce jour, l'aliment peut perdre un peu de goût ou de texture mais "
                          "reste consommable. La DLC (« À consommer jusqu'au »), elle, est impérative. Bien les distinguer évite le gaspillage.",
              source=("DGCCRF — Date limite de consommation et date de durabilité minimale", "https://www.economie.gouv.fr/dgccrf")),
            Q(statement="Depuis le 1er janvier 2024, que doivent proposer les collectivités pour tes épluchures et restes de repas ?",
              choices=[("Une solution de tri à la source des biodéchets", True), ("Rien : ils vont avec les ordures ménagères", False)],
              explanation="Le tri à la source des biodéchets est généralisé depuis le 1er janvier 2024 : compostage de quartier, "
                          "composteur individuel ou collecte séparée. Ils deviennent du compost ou du biogaz au lieu d'être incinérés.",
              source=("ADEME — Agir pour la transition : les biodéchets", "https://agirpourlatransition.ademe.fr/particuliers")),
        ],
    },
    {
        "period": 1,
        "title": "Bouge, mange, respire",
        "themes": ["santé / handicap", "sports / loisirs"],
        "introduction": "Les bons réflexes santé, c'est simple quand on les connaît.",
        "questions": [
            Q(statement="Combien de fruits et légumes est-il recommandé de manger par jour ?",
              choices=[("Au moins 5 portions", True), ("1 portion suffit", False), ("Exactement 10", False)],
              explanation="La recommandation est d'au moins 5 portions de fruits et légumes par jour, frais, surgelés ou en conserve.",
              source=("Manger Bouger — Santé publique France", "https://www.mangerbouger.fr")),
            Q(statement="Pour un adulte, combien de temps d'activité physique dynamique est recommandé ?",
              choices=[("Au moins 30 minutes par jour", True), ("1 heure par semaine suffit", False)],
              explanation="Il est recommandé de pratiquer au moins 30 minutes d'activité physique dynamique par jour ; la marche "
                          "rapide ou le vélo pour aller au travail comptent aussi.",
              source=("Manger Bouger — Santé publique France", "https://www.mangerbouger.fr")),
            Q(statement="En quel mois a lieu le défi « Mois sans tabac » ?",
              choices=[("Novembre", True), ("Janvier", False), ("Juillet", False)],
              explanation="Chaque année en novembre, Mois sans tabac invite les fumeurs à arrêter ensemble pendant 30 jours : "
                          "un mois sans fumer multiplie les chances d'arrêter pour de bon.",
              source=("Santé publique France — Mois sans tabac", "https://www.santepubliquefrance.fr")),
        ],
    },
    {
        "period": 2,
        "title": "Égalité femmes-hommes au travail",
        "themes": ["droit / égalité", "emploi / insertion"],
        "introduction": "L'égalité professionnelle, ça se mesure. Où en es-tu ?",
        "questions": [
            Q(statement="Quelles entreprises doivent publier chaque année leur Index de l'égalité professionnelle ?",
              choices=[("Celles d'au moins 50 salariés", True), ("Seulement celles du CAC 40", False), ("Aucune : c'est volontaire", False)],
              explanation="Les entreprises d'au moins 50 salariés calculent et publient chaque année leur Index de l'égalité "
                          "professionnelle, une note sur 100 points ; en dessous de 75, elles doivent prendre des mesures de correction.",
              source=("Ministère du Travail — Index de l'égalité professionnelle", "https://travail-emploi.gouv.fr")),
            Q(statement="La loi Copé-Zimmermann (2011) impose dans les conseils d'administration des grandes entreprises…",
              choices=[("Au moins 40 % de femmes (et d'hommes)", True), ("Au moins 10 % de femmes", False), ("Rien de chiffré", False)],
              explanation="Depuis cette loi, chaque sexe doit représenter au moins 40 % des membres des conseils d'administration "
                          "et de surveillance des grandes entreprises.",
              source=("Ministère du Travail — Égalité femmes-hommes", "https://travail-emploi.gouv.fr")),
            Q(statement="Lesquelles de ces affirmations sur la loi Rixain (2021) sont vraies ?",
              choices=[("Elle fixe des quotas de femmes parmi les cadres dirigeants des entreprises d'au moins 1 000 salariés", True),
                       ("L'objectif est d'atteindre 40 % en 2029, après une étape à 30 % en 2026", True),
                       ("Elle ne concerne que la fonction publique", False)],
              explanation="La loi Rixain vise une représentation équilibrée parmi les cadres dirigeants et les membres des instances "
                          "dirigeantes des entreprises d'au moins 1 000 salariés : 30 % de chaque sexe en 2026, puis 40 % en 2029.",
              source=("Ministère du Travail — Égalité femmes-hommes", "https://travail-emploi.gouv.fr")),
        ],
    },
    {
        "period": 3,
        "title": "Énergie : les petits gestes qui comptent",
        "themes": ["environnement", "sciences / recherche"],
        "introduction": "Chauffage, objectifs mondiaux : démêle le vrai du faux.",
        "questions": [
            Q(statement="Quelle température est recommandée dans les pièces à vivre d'un logement ?",
              choices=[("19 °C", True), ("23 °C", False), ("16 °C", False)],
              explanation="19 °C dans les pièces à vivre (et moins dans les chambres) : c'est la température recommandée pour "
                          "concilier confort et sobriété énergétique.",
              source=("ADEME — Agir pour la transition : se chauffer mieux", "https://agirpourlatransition.ademe.fr/particuliers")),
            Q(statement="Baisser ton chauffage de 1 °C, c'est environ…",
              choices=[("7 % d'énergie consommée en moins", True), ("Aucune différence", False), ("50 % d'énergie en moins", False)],
              explanation="Chaque degré en moins réduit la consommation de chauffage d'environ 7 % : un geste simple pour la "
                          "planète et pour ta facture.",
              source=("ADEME — Agir pour la transition : se chauffer mieux", "https://agirpourlatransition.ademe.fr/particuliers")),
            Q(statement="Combien d'Objectifs de développement durable (ODD) les Nations unies ont-elles adoptés en 2015 ?",
              choices=[("17", True), ("5", False), ("100", False)],
              explanation="Les 17 ODD de l'Agenda 2030, adoptés en 2015 par les États membres de l'ONU, couvrent la pauvreté, "
                          "la santé, l'éducation, l'égalité, le climat… avec l'horizon 2030.",
              source=("Agenda 2030 — Ministère de la Transition écologique", "https://www.agenda-2030.fr")),
        ],
    },
]

# Who answered what among the closed demo quizzes: (e-mail, entity, period, index of the wrong question or None).
ATTEMPTS = [
    ("camille.martin@horizon.example", "Direction financière", -4, None),
    ("camille.martin@horizon.example", "Direction financière", -3, 2),
    ("camille.martin@horizon.example", "Direction financière", -1, 1),
    ("lucas.bernard@horizon.example", "Direction des systèmes d'information", -4, 0),
    ("lucas.bernard@horizon.example", "Direction des systèmes d'information", -2, None),
]
