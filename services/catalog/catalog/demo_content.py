"""Catalog's demo content: fictional French associations, the missions they offer and "L'actu solidaire".

Everything here is invented (names, numbers, people, addresses' house numbers); the `.example` domains
make that plain. It is plain data, free of Flask and SQLAlchemy: the embedded mode's loader turns it into
rows, and tests check it against the taxonomy. Ids are uuid5 values, so they are the same on every
machine and every start, and other services' demo data can refer to them.
"""
from __future__ import annotations

import uuid
from datetime import date

from .taxonomy import THEMES, region_of_department


def demo_id(kind: str, key: str) -> str:
    """The stable id of a demo object.

    The same scheme as engagement's `demo_id` (services never import each other, so it is repeated
    here): engagement already links the demo referent to "Les Petits Savants" by this id.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-{kind}:{key}"))


# ---------------------------------------------------------------------------------------------------
# Associations
# ---------------------------------------------------------------------------------------------------

def _association(
    name: str,
    domain: str,
    rna: str,
    siren: str | None,
    address: str,
    city: str,
    department: str,
    themes: tuple[str, ...],
    category: str,
    representative: tuple[str, str],
    referent: tuple[str, str, str, str],
    description: str,
) -> dict:
    first_name, last_name, mailbox, phone = referent
    email = f"{mailbox}@{domain}"
    return {
        "id": demo_id("association", name),
        "name": name,
        "rna": rna,
        "siren": siren,
        "address": address,
        "city": city,
        "department": department,
        "region": region_of_department(department),
        "website": f"https://www.{domain}",
        "contact_email": email,
        "themes": list(themes),
        "description": description,
        "representative_name": representative[0],
        "representative_title": representative[1],
        "general_interest_category": category,
        "referent": {"first_name": first_name, "last_name": last_name, "email": email, "phone": phone},
    }


# The first five are the associations engagement's demo already names (DEMO_ASSOCIATION_IDS), in its
# order; the referent of « Les Petits Savants » is engagement's demo referent account.
ASSOCIATIONS: list[dict] = [
    _association(
        "Les Petits Savants", "petits-savants.example", "W691004217", "769353186",
        "14 rue Pierre Delore, 69008 Lyon", "Lyon", "69",
        ("sciences / recherche", "éducation / formation", "enfance / famille"), "scientifique",
        ("Hélène Fabre", "Présidente"), ("Amina", "Benali", "referente", "06 12 34 56 78"),
        "Les Petits Savants font découvrir les sciences aux enfants de 6 à 14 ans des quartiers de Lyon, "
        "à travers des ateliers d'expériences, des clubs après l'école et des sorties au musée. "
        "L'association accompagne aussi les collégiens dans leurs devoirs de mathématiques et de physique. "
        "Chaque année, plus de 600 enfants participent à ses activités, encadrés par des bénévoles et des animateurs scientifiques.",
    ),
    _association(
        "Graines de Guillotière", "graines-guillotiere.example", "W691005382", "838504991",
        "27 rue Béchevelin, 69007 Lyon", "Lyon", "69",
        ("environnement", "social / précarité"), "environnement_naturel",
        ("Marc Delorme", "Président"), ("Théo", "Garnier", "theo.garnier", "04 78 58 21 40"),
        "Graines de Guillotière anime trois jardins partagés et une grainothèque au cœur du 7e arrondissement de Lyon. "
        "L'association y organise des ateliers de jardinage au naturel, des chantiers de compostage collectif "
        "et des récoltes redistribuées aux familles du quartier. "
        "Elle fait du jardin un lieu de rencontre entre voisins de toutes les générations.",
    ),
    _association(
        "Les Pages voyageuses", "pages-voyageuses.example", "W691006129", "906170204",
        "8 rue Francis de Pressensé, 69100 Villeurbanne", "Villeurbanne", "69",
        ("arts / culture", "éducation / formation"), "culturel",
        ("Isabelle Perrin", "Présidente"), ("Malik", "Haddad", "malik.haddad", "04 72 43 17 85"),
        "Les Pages voyageuses font circuler le livre là où il est rare : foyers d'hébergement, centres sociaux "
        "et salles d'attente de la métropole lyonnaise. "
        "L'association collecte des livres d'occasion, les trie et les redistribue grâce à un triporteur-bibliothèque. "
        "Elle anime aussi des lectures à voix haute et des ateliers d'écriture pour petits et grands.",
    ),
    _association(
        "Les Voisins d'argent", "voisins-argent.example", "W691007764", "712208354",
        "3 place Saint-Jean, 69005 Lyon", "Lyon", "69",
        ("senior / isolement", "social / précarité"), "social",
        ("Jean-Pierre Mercier", "Président"), ("Claire", "Vasseur", "claire.vasseur", "04 78 37 60 12"),
        "Les Voisins d'argent luttent contre l'isolement des personnes âgées du Vieux-Lyon et des pentes de Fourvière. "
        "Des binômes de bénévoles rendent visite chaque semaine à plus de 150 aînés, les accompagnent dans leurs sorties "
        "et organisent des goûters partagés. "
        "L'association tient aussi des permanences pour aider les seniors dans leurs démarches en ligne.",
    ),
    _association(
        "La Marmite des Canuts", "marmite-canuts.example", "W691008815", "889914347",
        "41 boulevard de la Croix-Rousse, 69004 Lyon", "Lyon", "69",
        ("social / précarité", "emploi / insertion"), "social",
        ("Nadia Bensaïd", "Présidente"), ("Romain", "Chevalier", "romain.chevalier", "04 78 29 64 03"),
        "La Marmite des Canuts est une cantine solidaire et un chantier d'insertion installés sur le plateau de la Croix-Rousse. "
        "Chaque midi, elle sert des repas à prix libre préparés par des salariés en parcours d'insertion, "
        "à partir d'invendus collectés auprès des commerçants du quartier. "
        "L'association distribue également des colis alimentaires aux familles orientées par les services sociaux.",
    ),
    # Île-de-France
    _association(
        "Cap Rebond Emploi", "cap-rebond.example", "W751012648", "930538137",
        "22 rue de la Roquette, 75011 Paris", "Paris", "75",
        ("emploi / insertion", "social / précarité"), "social",
        ("Sylvie Lemaire", "Présidente"), ("Karim", "Ouali", "karim.ouali", "01 43 55 20 18"),
        "Cap Rebond Emploi accompagne des personnes éloignées de l'emploi depuis plus d'un an vers un retour durable au travail. "
        "Chaque participant est suivi par un conseiller et rencontre des professionnels bénévoles pour préparer ses candidatures. "
        "L'association organise aussi des rencontres avec les employeurs du 11e arrondissement.",
    ),
    _association(
        "Les Ateliers du Canal", "ateliers-canal.example", "W751013907", "703657585",
        "108 quai de Jemmapes, 75010 Paris", "Paris", "75",
        ("arts / culture", "éducation / formation", "enfance / famille"), "culturel",
        ("Bertrand Cohen", "Président"), ("Léa", "Marchand", "lea.marchand", "01 42 06 71 39"),
        "Les Ateliers du Canal proposent aux jeunes de 10 à 18 ans des ateliers de théâtre, de vidéo et de journalisme, "
        "le mercredi et pendant les vacances scolaires. "
        "L'association fait de la pratique artistique un levier de confiance en soi et d'ouverture sur la ville. "
        "Ses productions sont présentées chaque juin lors d'un festival dans le quartier.",
    ),
    _association(
        "Santé Partagée Belleville", "sante-partagee.example", "W751014536", "834081499",
        "47 rue des Couronnes, 75020 Paris", "Paris", "75",
        ("santé / handicap", "social / précarité"), "social",
        ("Philippe Nguyen", "Président"), ("Sarah", "Lévy", "sarah.levy", "01 46 36 82 57"),
        "Santé Partagée Belleville accueille des personnes en situation de précarité pour les aider à accéder aux soins. "
        "L'association oriente vers les médecins et les centres de santé, aide à l'ouverture des droits "
        "et anime des ateliers de prévention ouverts à tous. "
        "Elle travaille en lien étroit avec les hôpitaux et les travailleurs sociaux de l'est parisien.",
    ),
    _association(
        "Tremplin Numérique 93", "tremplin-numerique93.example", "W932015874", "904064946",
        "5 rue Gabriel Péri, 93200 Saint-Denis", "Saint-Denis", "93",
        ("emploi / insertion", "éducation / formation"), "educatif",
        ("Mamadou Diallo", "Président"), ("Julie", "Fontaine", "julie.fontaine", "01 48 20 35 66"),
        "Tremplin Numérique 93 forme aux métiers du numérique des jeunes sortis de l'école sans diplôme "
        "et des demandeurs d'emploi de Seine-Saint-Denis. "
        "Pendant six mois, les stagiaires apprennent le développement web, le support informatique et la bureautique "
        "avant un stage en entreprise. "
        "Plus de deux tiers d'entre eux trouvent un emploi ou une formation qualifiante à la sortie.",
    ),
    _association(
        "Les Cartables de Montreuil", "cartables-montreuil.example", "W932016233", "706985223",
        "12 rue de Paris, 93100 Montreuil", "Montreuil", "93",
        ("éducation / formation", "enfance / famille"), "educatif",
        ("Catherine Roussel", "Présidente"), ("Yanis", "Belkacem", "yanis.belkacem", "01 48 57 90 24"),
        "Les Cartables de Montreuil proposent un accompagnement scolaire gratuit à 200 écoliers et collégiens, quatre soirs par semaine. "
        "Les bénévoles aident aux devoirs, mais aussi à prendre confiance et à s'organiser. "
        "L'association accompagne les parents dans le suivi de la scolarité de leurs enfants.",
    ),
    _association(
        "Le Relais juridique des Hauts-de-Seine", "relais-juridique92.example", "W922017591", "804832285",
        "9 avenue Joliot-Curie, 92000 Nanterre", "Nanterre", "92",
        ("droit / égalité", "social / précarité"), "social",
        ("Agnès Villeneuve", "Présidente"), ("Olivier", "Brunet", "olivier.brunet", "01 47 24 13 88"),
        "Le Relais juridique des Hauts-de-Seine offre une information juridique gratuite aux personnes qui n'ont pas accès à un avocat. "
        "Ses juristes et bénévoles tiennent des permanences sur le logement, le droit du travail et le droit des étrangers. "
        "L'association aide aussi à constituer les dossiers d'aide juridictionnelle.",
    ),
    _association(
        "Les Foulées solidaires", "foulees-solidaires.example", "W943018120", None,
        "18 avenue du Général de Gaulle, 94000 Créteil", "Créteil", "94",
        ("sports / loisirs", "santé / handicap"), "sportif",
        ("Stéphane Morel", "Président"), ("Aurélie", "Caron", "aurelie.caron", "01 42 07 56 31"),
        "Les Foulées solidaires font courir ensemble des personnes valides et des personnes en situation de handicap, "
        "grâce à des joëlettes et à des guides bénévoles. "
        "L'association participe à une vingtaine de courses par an en Île-de-France. "
        "Elle propose aussi des séances hebdomadaires de marche et de course adaptées.",
    ),
    _association(
        "Ponts sans frontières", "ponts-sans-frontieres.example", "W784019347", "934047986",
        "15 rue de la Paroisse, 78000 Versailles", "Versailles", "78",
        ("humanitaire international", "éducation / formation"), "humanitaire",
        ("Dominique Lefort", "Présidente"), ("Thibault", "Renard", "thibault.renard", "01 39 50 44 72"),
        "Ponts sans frontières soutient depuis vingt ans des projets d'accès à l'eau potable et à l'école au Sénégal et à Madagascar, "
        "toujours portés par des partenaires locaux. "
        "L'association finance des forages, équipe des classes et forme des enseignants. "
        "En France, elle anime des interventions d'éducation à la solidarité internationale dans les collèges.",
    ),
    # Auvergne-Rhône-Alpes
    _association(
        "Cordée alpine solidaire", "cordee-alpine.example", "W381020458", "701752701",
        "7 rue Très-Cloîtres, 38000 Grenoble", "Grenoble", "38",
        ("sports / loisirs", "santé / handicap", "enfance / famille"), "sportif",
        ("Pascale Guillot", "Présidente"), ("Bastien", "Arnaud", "bastien.arnaud", "04 76 42 18 90"),
        "Cordée alpine solidaire emmène en montagne des jeunes des quartiers grenoblois et des personnes en situation de handicap "
        "qui n'y ont jamais accès. "
        "Randonnées, escalade et séjours en refuge sont encadrés par des guides et des accompagnateurs bénévoles. "
        "L'association prête aussi le matériel nécessaire à chaque sortie.",
    ),
    _association(
        "Volcans numériques", "volcans-numeriques.example", "W632021769", "853460830",
        "25 rue Fontgiève, 63000 Clermont-Ferrand", "Clermont-Ferrand", "63",
        ("éducation / formation", "senior / isolement"), "educatif",
        ("Gérard Chabrol", "Président"), ("Mélanie", "Tixier", "melanie.tixier", "04 73 31 27 54"),
        "Volcans numériques lutte contre l'illectronisme dans le Puy-de-Dôme, en ville comme dans les communes rurales. "
        "L'association anime des ateliers d'initiation à l'ordinateur et au smartphone, surtout pour les plus de 60 ans. "
        "Elle tient aussi un espace numérique où chacun peut être aidé pour ses démarches en ligne.",
    ),
    _association(
        "L'Atelier des Passementiers", "atelier-passementiers.example", "W423022084", "914507405",
        "10 rue de la Résistance, 42000 Saint-Étienne", "Saint-Étienne", "42",
        ("emploi / insertion", "environnement"), "social",
        ("Francis Barou", "Président"), ("Nora", "Khelifi", "nora.khelifi", "04 77 32 65 19"),
        "L'Atelier des Passementiers est une ressourcerie et un chantier d'insertion stéphanois. "
        "Ses salariés en insertion collectent, réparent et revendent meubles, vêtements et objets du quotidien, "
        "tout en préparant leur projet professionnel. "
        "L'association anime aussi des ateliers de réparation ouverts aux habitants.",
    ),
    # Provence-Alpes-Côte d'Azur
    _association(
        "Massilia Sciences ouvertes", "massilia-sciences.example", "W133023415", "741659452",
        "36 boulevard National, 13003 Marseille", "Marseille", "13",
        ("sciences / recherche", "éducation / formation"), "culture_francaise",
        ("Laurence Giraud", "Présidente"), ("Hugo", "Santini", "hugo.santini", "04 91 50 38 26"),
        "Massilia Sciences ouvertes rend la culture scientifique accessible aux jeunes des quartiers nord de Marseille. "
        "L'association anime des clubs de robotique et d'astronomie, organise des rencontres avec des chercheurs "
        "et accueille des classes dans son laboratoire pédagogique. "
        "Elle encourage particulièrement les filles à s'orienter vers les filières scientifiques.",
    ),
    _association(
        "L'Épicerie du Panier", "epicerie-panier.example", "W132024736", "822088712",
        "4 rue du Refuge, 13002 Marseille", "Marseille", "13",
        ("social / précarité", "enfance / famille"), "social",
        ("Rachid Mansouri", "Président"), ("Élodie", "Ferrand", "elodie.ferrand", "04 91 90 47 63"),
        "L'Épicerie du Panier est une épicerie solidaire où des familles aux revenus modestes font leurs courses "
        "à 20 % du prix habituel. "
        "Au-delà de l'aide alimentaire, l'association propose des ateliers cuisine, des conseils budgétaires "
        "et un espace d'accueil pour les parents et leurs enfants.",
    ),
    _association(
        "Azur Mer vivante", "azur-mer-vivante.example", "W062025157", "992945147",
        "12 quai des Docks, 06300 Nice", "Nice", "06",
        ("environnement", "sciences / recherche"), "environnement_naturel",
        ("Christian Bellini", "Président"), ("Camille", "Orsini", "camille.orsini", "04 93 55 81 02"),
        "Azur Mer vivante protège le littoral azuréen et sa biodiversité. "
        "L'association organise des ramassages de déchets sur les plages, des programmes de sciences participatives "
        "sur les herbiers de posidonie et des sorties de découverte du milieu marin. "
        "Elle sensibilise chaque année plusieurs milliers d'élèves à la préservation de la Méditerranée.",
    ),
    # Occitanie
    _association(
        "Les Ailes de Garonne", "ailes-garonne.example", "W313026388", "788992527",
        "19 rue des Lois, 31000 Toulouse", "Toulouse", "31",
        ("santé / handicap", "enfance / famille"), "familial",
        ("Véronique Castel", "Présidente"), ("Damien", "Roques", "damien.roques", "05 61 21 74 39"),
        "Les Ailes de Garonne accompagnent les familles d'enfants hospitalisés pour une longue durée à Toulouse. "
        "L'association gère une maison d'accueil où les parents peuvent dormir près de l'hôpital "
        "et propose des activités aux frères et sœurs. "
        "Ses bénévoles animent aussi des temps de jeu dans les services pédiatriques.",
    ),
    _association(
        "Passerelle Égalité", "passerelle-egalite.example", "W343027619", "864861117",
        "11 rue Saint-Guilhem, 34000 Montpellier", "Montpellier", "34",
        ("droit / égalité", "emploi / insertion"), "social",
        ("Fatima Zerrouki", "Présidente"), ("Anne-Sophie", "Delmas", "anne-sophie.delmas", "04 67 60 12 95"),
        "Passerelle Égalité accompagne des femmes victimes de violences ou en situation de grande précarité vers l'autonomie. "
        "L'association les informe sur leurs droits, les aide dans leurs démarches et les soutient dans leur retour à l'emploi. "
        "Elle intervient aussi dans les lycées pour sensibiliser à l'égalité entre les femmes et les hommes.",
    ),
    _association(
        "Arènes et Scènes", "arenes-scenes.example", "W302028940", None,
        "3 rue de l'Aspic, 30000 Nîmes", "Nîmes", "30",
        ("arts / culture", "senior / isolement"), "spectacle_vivant",
        ("Marion Teissier", "Présidente"), ("Julien", "Vidal", "julien.vidal", "04 66 21 57 08"),
        "Arènes et Scènes est une compagnie de théâtre itinérante qui joue là où le spectacle ne va jamais : "
        "maisons de retraite, villages isolés du Gard, hôpitaux. "
        "Après chaque représentation, les comédiens animent un temps d'échange et des ateliers d'expression avec le public.",
    ),
    # Nouvelle-Aquitaine
    _association(
        "Les Quais de l'emploi", "quais-emploi.example", "W332029261", "963319041",
        "56 quai des Chartrons, 33000 Bordeaux", "Bordeaux", "33",
        ("emploi / insertion", "éducation / formation"), "social",
        ("Henri Lacoste", "Président"), ("Inès", "Moulin", "ines.moulin", "05 56 44 29 71"),
        "Les Quais de l'emploi aident les jeunes diplômés issus des quartiers prioritaires de la métropole bordelaise "
        "à décrocher leur premier emploi. "
        "Chaque jeune est parrainé par un professionnel pendant six mois et participe à des ateliers collectifs. "
        "L'association s'appuie sur un réseau d'entreprises partenaires de toute la Gironde.",
    ),
    _association(
        "Limousin Terres partagées", "terres-partagees.example", "W872030582", "766997688",
        "8 rue Jean Jaurès, 87000 Limoges", "Limoges", "87",
        ("environnement", "social / précarité"), "social",
        ("Yvette Peyrat", "Présidente"), ("Nicolas", "Dufour", "nicolas.dufour", "05 55 32 48 16"),
        "Limousin Terres partagées cultive quatre hectares de légumes biologiques aux portes de Limoges "
        "avec des personnes en parcours d'insertion. "
        "Les récoltes sont vendues en paniers, dont une partie à prix solidaire pour les familles modestes. "
        "L'association accueille aussi des écoles pour des journées de découverte du maraîchage.",
    ),
    _association(
        "Les Voiles de l'espoir", "voiles-espoir.example", "W171031803", "825950652",
        "2 quai Louis Durand, 17000 La Rochelle", "La Rochelle", "17",
        ("sports / loisirs", "santé / handicap"), "sportif",
        ("Alain Guérin", "Président"), ("Margaux", "Texier", "margaux.texier", "05 46 41 93 27"),
        "Les Voiles de l'espoir font naviguer des personnes en situation de handicap et des enfants malades "
        "sur des voiliers adaptés, au départ du Vieux-Port de La Rochelle. "
        "L'association organise des sorties à la journée et des stages d'initiation encadrés par des moniteurs et des bénévoles.",
    ),
    # Bretagne
    _association(
        "Ker Partage", "ker-partage.example", "W353032124", "957787385",
        "17 rue de Saint-Malo, 35000 Rennes", "Rennes", "35",
        ("humanitaire international", "éducation / formation", "droit / égalité"), "humanitaire",
        ("Yannick Le Gall", "Président"), ("Soazig", "Kerouredan", "soazig.kerouredan", "02 99 30 62 45"),
        "Ker Partage accueille à Rennes des personnes exilées et les accompagne dans leurs premiers pas en France. "
        "L'association donne des cours de français, aide aux démarches de demande d'asile et organise des temps conviviaux. "
        "Elle met aussi en relation des familles réfugiées avec des habitants qui les parrainent.",
    ),
    _association(
        "Les Goélands de l'Iroise", "goelands-iroise.example", "W292033445", None,
        "24 rue de Siam, 29200 Brest", "Brest", "29",
        ("senior / isolement", "environnement", "sports / loisirs"), "social",
        ("Annick Quéméner", "Présidente"), ("Erwan", "Le Bihan", "erwan.lebihan", "02 98 44 15 83"),
        "Les Goélands de l'Iroise proposent aux personnes âgées isolées du pays de Brest des sorties nature, "
        "des balades sur le littoral et des activités de plein air adaptées. "
        "L'association organise aussi des rencontres entre générations autour de la découverte de l'environnement marin.",
    ),
    # Pays de la Loire
    _association(
        "Estuaire Entreprendre", "estuaire-entreprendre.example", "W442034766", "703537795",
        "9 allée Duquesne, 44000 Nantes", "Nantes", "44",
        ("emploi / insertion", "social / précarité"), "social",
        ("Philippe Guérineau", "Président"), ("Lucie", "Bouvier", "lucie.bouvier", "02 40 48 72 36"),
        "Estuaire Entreprendre accompagne des habitants des quartiers prioritaires de Nantes dans la création de leur entreprise. "
        "L'association aide à construire le projet, à trouver un financement par le microcrédit "
        "et suit les créateurs pendant leurs deux premières années d'activité.",
    ),
    _association(
        "Cultures croisées Anjou", "cultures-croisees.example", "W491035087", "810615005",
        "31 rue Saint-Aubin, 49100 Angers", "Angers", "49",
        ("arts / culture", "enfance / famille", "éducation / formation"), "culturel",
        ("Odile Chauvin", "Présidente"), ("Samir", "Toumi", "samir.toumi", "02 41 87 25 60"),
        "Cultures croisées Anjou organise chaque année un festival des cultures du monde à Angers "
        "et anime toute l'année des ateliers parents-enfants de musique, de conte et d'arts plastiques. "
        "L'association veut faire de la culture un lieu de rencontre entre habitants de tous horizons.",
    ),
    # Normandie
    _association(
        "Le Phare normand", "phare-normand.example", "W763036318", "922656343",
        "14 rue Eau-de-Robec, 76000 Rouen", "Rouen", "76",
        ("santé / handicap", "social / précarité"), "social",
        ("Martine Lecoq", "Présidente"), ("Benoît", "Lemonnier", "benoit.lemonnier", "02 35 71 46 09"),
        "Le Phare normand accueille à Rouen des personnes vivant avec des troubles psychiques, pour rompre leur isolement. "
        "Son lieu d'accueil ouvert cinq jours par semaine propose des activités, des repas partagés et une écoute bienveillante. "
        "L'association aide aussi ses adhérents à reprendre pied dans la vie sociale et professionnelle.",
    ),
    _association(
        "Les Potagers de la Prairie", "potagers-prairie.example", "W141037639", None,
        "5 rue de Falaise, 14000 Caen", "Caen", "14",
        ("environnement", "éducation / formation", "enfance / famille"), "environnement_naturel",
        ("Jacques Hébert", "Président"), ("Clémence", "Marie", "clemence.marie", "02 31 85 33 74"),
        "Les Potagers de la Prairie font de l'éducation à l'environnement par le jardin. "
        "L'association entretient des jardins pédagogiques à Caen, accueille des classes et des centres de loisirs "
        "et anime des ateliers sur le compost, les semences et la biodiversité.",
    ),
    # Hauts-de-France
    _association(
        "Le Beffroi des jeunes", "beffroi-jeunes.example", "W595038950", "796777225",
        "40 rue de Wazemmes, 59000 Lille", "Lille", "59",
        ("éducation / formation", "enfance / famille", "emploi / insertion"), "educatif",
        ("Christine Vandamme", "Présidente"), ("Maxime", "Delattre", "maxime.delattre", "03 20 54 67 12"),
        "Le Beffroi des jeunes aide les collégiens et lycéens des quartiers lillois à construire leur orientation. "
        "L'association leur trouve des stages d'observation de troisième, organise des visites d'entreprises "
        "et met en place du tutorat avec des professionnels.",
    ),
    _association(
        "La Navette roubaisienne", "navette-roubaisienne.example", "W595039271", "865446546",
        "72 rue de l'Épeule, 59100 Roubaix", "Roubaix", "59",
        ("emploi / insertion", "environnement"), "social",
        ("Thérèse Deconinck", "Présidente"), ("Kevin", "Duhamel", "kevin.duhamel", "03 20 73 58 41"),
        "La Navette roubaisienne renoue avec l'histoire textile de Roubaix : son atelier d'insertion "
        "transforme des tissus de récupération en sacs, vêtements et accessoires. "
        "Les salariés en insertion y apprennent la couture et les métiers de la vente. "
        "L'association propose aussi des ateliers de réparation de vêtements ouverts à tous.",
    ),
    _association(
        "Les Hortillons solidaires", "hortillons-solidaires.example", "W802040592", "903066173",
        "3 rue Saint-Leu, 80000 Amiens", "Amiens", "80",
        ("social / précarité", "senior / isolement"), "social",
        ("Bernard Lefebvre", "Président"), ("Pauline", "Caron", "pauline.caron", "03 22 91 40 87"),
        "Les Hortillons solidaires apportent l'aide alimentaire jusque dans les villages de la Somme, "
        "grâce à une épicerie solidaire itinérante. "
        "Les bénévoles en profitent pour rendre visite aux personnes âgées isolées et repérer celles qui ont besoin d'aide.",
    ),
    # Grand Est
    _association(
        "La Maison des familles du Neudorf", "familles-neudorf.example", "W672041813", "755026077",
        "12 route du Polygone, 67100 Strasbourg", "Strasbourg", "67",
        ("enfance / famille", "social / précarité"), "familial",
        ("Marie-Odile Schmitt", "Présidente"), ("Thomas", "Muller", "thomas.muller", "03 88 34 26 59"),
        "La Maison des familles du Neudorf est un lieu d'accueil pour les parents et leurs jeunes enfants. "
        "L'association propose des temps de jeu partagés, des groupes de parole sur la parentalité "
        "et un accompagnement des familles monoparentales dans leur vie quotidienne.",
    ),
    _association(
        "Les Hauts Fourneaux du savoir", "hauts-fourneaux.example", "W572042134", "845968064",
        "6 rue du Pont des Morts, 57000 Metz", "Metz", "57",
        ("sciences / recherche", "éducation / formation", "droit / égalité"), "scientifique",
        ("Laurent Weber", "Président"), ("Aïcha", "Boudjemaa", "aicha.boudjemaa", "03 87 30 51 76"),
        "Les Hauts Fourneaux du savoir animent à Metz un fablab et un centre de culture scientifique et technique. "
        "L'association propose des ateliers d'électronique, d'impression 3D et de programmation aux jeunes, "
        "avec une attention particulière à l'égalité entre filles et garçons dans les sciences.",
    ),
    _association(
        "Bulles d'autonomie", "bulles-autonomie.example", "W511043455", "973493067",
        "21 rue de Vesle, 51100 Reims", "Reims", "51",
        ("santé / handicap", "sports / loisirs"), "social",
        ("Sophie Lambert", "Présidente"), ("Arnaud", "Collin", "arnaud.collin", "03 26 47 19 32"),
        "Bulles d'autonomie organise des loisirs et des séjours de vacances pour des adultes en situation de handicap mental. "
        "Sorties culturelles, activités sportives et week-ends sont encadrés par des animateurs et des bénévoles formés. "
        "L'association offre ainsi des temps de répit aux familles.",
    ),
    # Bourgogne-Franche-Comté
    _association(
        "Moutarde et Partage", "moutarde-partage.example", "W212044776", "705341329",
        "15 rue Berbisey, 21000 Dijon", "Dijon", "21",
        ("social / précarité", "santé / handicap"), "social",
        ("Gilles Bonnot", "Président"), ("Céline", "Perrot", "celine.perrot", "03 80 30 64 21"),
        "Moutarde et Partage anime à Dijon une cuisine collective où des personnes en situation de précarité "
        "apprennent à cuisiner sain avec un petit budget. "
        "L'association organise aussi des repas partagés et des ateliers de prévention sur la nutrition.",
    ),
    _association(
        "Horizons comtois", "horizons-comtois.example", "W251045097", "829438274",
        "10 rue Battant, 25000 Besançon", "Besançon", "25",
        ("humanitaire international", "éducation / formation"), "humanitaire",
        ("Michel Jeunet", "Président"), ("Estelle", "Girardot", "estelle.girardot", "03 81 81 27 48"),
        "Horizons comtois soutient des écoles rurales au Burkina Faso et au Bénin, en lien avec des associations de parents d'élèves. "
        "L'association collecte et expédie du matériel scolaire, finance des cantines et accompagne la formation des enseignants.",
    ),
    # Centre-Val de Loire
    _association(
        "Le Point d'appui", "point-appui.example", "W372046318", "930731054",
        "28 rue Colbert, 37000 Tours", "Tours", "37",
        ("droit / égalité", "social / précarité"), "social",
        ("Danielle Aubry", "Présidente"), ("Vincent", "Boulanger", "vincent.boulanger", "02 47 20 35 96"),
        "Le Point d'appui accueille en Touraine les personnes perdues dans leurs démarches : "
        "accès aux droits sociaux, surendettement, litiges avec un bailleur. "
        "Des bénévoles formés tiennent des permanences à Tours et dans plusieurs communes du département.",
    ),
    _association(
        "Les Veilleurs d'Orléans", "veilleurs-orleans.example", "W452047639", "752450585",
        "7 rue de Bourgogne, 45000 Orléans", "Orléans", "45",
        ("senior / isolement", "santé / handicap"), "social",
        ("Colette Marchais", "Présidente"), ("Alexandre", "Petitjean", "alexandre.petitjean", "02 38 53 70 14"),
        "Les Veilleurs d'Orléans rendent visite aux personnes âgées et malades qui vivent seules chez elles. "
        "L'association organise aussi des appels réguliers et accompagne les aînés à leurs rendez-vous médicaux.",
    ),
    # Corse
    _association(
        "A Manu Tesa", "manu-tesa.example", "W201048950", None,
        "9 cours Napoléon, 20000 Ajaccio", "Ajaccio", "2A",
        ("social / précarité", "senior / isolement"), "social",
        ("Marie-Josée Pietri", "Présidente"), ("Antoine", "Casanova", "antoine.casanova", "04 95 21 43 67"),
        "A Manu Tesa, « la main tendue » en corse, vient en aide aux personnes en précarité du pays ajaccien. "
        "L'association distribue des colis alimentaires, tient une bagagerie solidaire "
        "et rend visite aux aînés isolés des villages de l'intérieur.",
    ),
    _association(
        "Scola aperta", "scola-aperta.example", "W202049271", "828941401",
        "5 boulevard Paoli, 20200 Bastia", "Bastia", "2B",
        ("éducation / formation", "arts / culture"), "educatif",
        ("Jean-Baptiste Santoni", "Président"), ("Laetitia", "Albertini", "laetitia.albertini", "04 95 31 58 02"),
        "Scola aperta propose à Bastia un accompagnement scolaire et des ateliers culturels aux enfants des quartiers sud. "
        "L'association fait découvrir la musique, le théâtre et le patrimoine de l'île, en français comme en corse.",
    ),
    # Outre-mer
    _association(
        "Karukera Avenir", "karukera-avenir.example", "W971050592", "918224080",
        "12 rue Frébault, 97110 Pointe-à-Pitre", "Pointe-à-Pitre", "971",
        ("emploi / insertion", "éducation / formation"), "educatif",
        ("Josette Lubin", "Présidente"), ("Fabrice", "Bélair", "fabrice.belair", "05 90 82 14 63"),
        "Karukera Avenir accompagne les jeunes Guadeloupéens sortis du système scolaire vers la formation et l'emploi. "
        "L'association propose du mentorat, des ateliers de préparation aux entretiens et des immersions en entreprise.",
    ),
    _association(
        "Mangrove vivante", "mangrove-vivante.example", "W972051813", None,
        "18 rue Victor Hugo, 97200 Fort-de-France", "Fort-de-France", "972",
        ("environnement", "sciences / recherche"), "environnement_naturel",
        ("Rose-Hélène Joseph", "Présidente"), ("Cédric", "Marie-Sainte", "cedric.marie-sainte", "05 96 63 27 90"),
        "Mangrove vivante protège et fait connaître les mangroves de Martinique. "
        "L'association mène des chantiers de nettoyage, des suivis scientifiques avec des chercheurs "
        "et des sorties pédagogiques pour les scolaires.",
    ),
    _association(
        "Ti Kaz solidaire", "tikaz-solidaire.example", "W974052134", "731405601",
        "30 rue de Paris, 97400 Saint-Denis", "Saint-Denis", "974",
        ("social / précarité", "enfance / famille", "santé / handicap"), "social",
        ("Marie-Claude Payet", "Présidente"), ("Johan", "Hoarau", "johan.hoarau", "02 62 41 56 28"),
        "Ti Kaz solidaire accueille à Saint-Denis de La Réunion des familles en grande précarité. "
        "L'association propose une aide alimentaire, un accompagnement social et des ateliers de prévention santé "
        "pour les parents et les enfants.",
    ),
]


# ---------------------------------------------------------------------------------------------------
# Missions
# ---------------------------------------------------------------------------------------------------
# Hand-written mission types, each offered by one to five associations (see _OFFERS): that gives 150-odd
# missions that read like real ones without writing each by hand. Titles speak to the reader as the
# guide's cards do ("Aidez-nous à…", "Venez accompagner…"); the description is the card's "Ta mission si
# tu l'acceptes", in the guide's tutoiement. "{association}" always follows "l'association" so that the
# French stays correct whatever the name ("de Les Petits Savants" would not be); "{of_city}" elides
# ("d'Amiens") for the same reason.

_ANY = None  # a mission type any association may offer (administration, IT, communication…)

_FULL_DAY = ("full_day", "1 journée")
_TWO_DAYS = ("full_day", "2 journées")
_THREE_DAYS = ("full_day", "3 journées réparties sur le trimestre")
_HALF_DAY = ("half_day", "1 demi-journée")
_TWO_HALF_DAYS = ("half_day", "2 demi-journées")
_WEEKLY_HALF_DAYS = ("half_day", "4 demi-journées, une par semaine")
_MONTHLY_HALF_DAY = ("half_day", "1 demi-journée par mois")
_UNDEFINED = ("undefined", "Durée à définir")

_ADMIN = "Administratif / Bureautique"
_AUDIT = "Audit / Conseil / MOA"
_SALES = "Développement / Commercial"
_DATA = "Divers IT (Data, TMA,...)"
_WEB = "Informatique / Web"
_DEV = "Intégration / Développement"
_MARKETING = "Marketing / Communication"

_CV = "Aide aux CV / Entretien RH"
_COOKING = "Atelier cuisine"
_CRAFTS = "Activité manuelle / culturelle"
_OTHER = "Activités autres"
_COMPUTING = "Initiation informatique"
_GARDENING = "Jardinage"
_MENTORING = "Mentorat"
_TUTORING = "Soutien scolaire"
_HEALTH = "Atelier santé"
_SUPPORT = "Accompagnement bénéficiaires"
_FOOD = "Tri / Distribution alimentaire"

_ARTS, _EDUCATION, _CHILDHOOD, _ENVIRONMENT, _HANDICAP, _EMPLOYMENT = THEMES[:6]
_RIGHTS, _HUMANITARIAN, _SCIENCE, _SENIOR, _SOCIAL, _SPORTS = THEMES[6:]

# (title, themes it fits or _ANY, professional expertises, personal expertises,
#  (format, duration) options, places options, remote possible, description)
_MISSION_TYPES: dict[str, tuple] = {
    "admin_order": (
        "Aidez-nous à mettre de l'ordre dans notre gestion administrative", _ANY, (_ADMIN,), (),
        (_FULL_DAY, _TWO_HALF_DAYS, _TWO_DAYS), (1, 2), False,
        "Au sein de l'équipe de l'association {association}, tu aideras les bénévoles à classer et à dématérialiser les dossiers "
        "accumulés ces dernières années. Tu proposeras une organisation simple des documents partagés et tu rédigeras une courte "
        "procédure pour que chacun s'y retrouve. Ta rigueur fera gagner un temps précieux à une équipe qui préfère le consacrer "
        "à ses bénéficiaires. Aucune connaissance du monde associatif n'est nécessaire.",
    ),
    "spreadsheets": (
        "Créez avec nous des tableaux de suivi simples et fiables", _ANY, (_ADMIN, _DATA), (),
        (_TWO_HALF_DAYS, _FULL_DAY), (1,), True,
        "L'association {association} suit encore ses activités dans une dizaine de fichiers différents. Tu l'aideras à concevoir "
        "un classeur unique pour suivre les adhésions, les bénévoles et les actions menées. Tu formeras ensuite les salariés et "
        "les bénévoles à son utilisation. Une bonne maîtrise du tableur est indispensable, le reste s'apprend sur place.",
    ),
    "online_procedures": (
        "Accompagnez des bénéficiaires dans leurs démarches administratives en ligne",
        (_SOCIAL, _RIGHTS, _SENIOR, _EMPLOYMENT, _HUMANITARIAN, _HANDICAP), (_ADMIN,), (_SUPPORT, _COMPUTING),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (2, 3, 4), False,
        "Déclaration de ressources, dossier de retraite, prise de rendez-vous médical : de nombreuses démarches ne se font plus "
        "qu'en ligne. Lors des permanences de l'association {association} à {city}, tu accompagneras les personnes accueillies pas "
        "à pas, sans faire à leur place. Tu les aideras à créer leurs comptes, à numériser leurs justificatifs et à comprendre les "
        "courriers reçus. Ta patience et ton sens de l'écoute compteront autant que ton aisance avec l'administration.",
    ),
    "business_model": (
        "Venez challenger notre modèle économique pour les trois prochaines années", _ANY, (_AUDIT,), (),
        (_TWO_DAYS, _THREE_DAYS), (1, 2), True,
        "Les subventions publiques de l'association {association} diminuent et son conseil d'administration veut diversifier ses "
        "ressources. Tu analyseras ses comptes des trois dernières années avec la trésorière et tu identifieras les pistes les plus "
        "réalistes. Tu animeras ensuite un atelier avec les administrateurs pour construire un plan d'action chiffré. Ton regard "
        "extérieur et ta méthode sont exactement ce qui manque à l'équipe.",
    ),
    "governance": (
        "Accompagnez notre conseil d'administration dans la refonte de sa gouvernance", _ANY, (_AUDIT,), (),
        (_TWO_HALF_DAYS, _FULL_DAY, _MONTHLY_HALF_DAY), (1,), False,
        "L'association {association} a beaucoup grandi et son organisation n'a pas suivi. Tu mèneras des entretiens avec les "
        "administrateurs, les salariés et quelques bénévoles pour comprendre qui décide de quoi. Tu proposeras ensuite une "
        "répartition plus claire des rôles et un calendrier de décisions. Tu restitueras ton travail lors d'une réunion du "
        "conseil d'administration.",
    ),
    "business_plan": (
        "Venez accompagner des entrepreneurs dans la construction de leur business plan", (_EMPLOYMENT, _SOCIAL),
        (_AUDIT, _SALES), (_MENTORING,),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _FULL_DAY), (2, 3, 5), True,
        "L'association {association} aide des personnes éloignées de l'emploi à créer leur propre activité. Tu accompagneras un ou "
        "deux porteurs de projet dans la construction de leur business plan : étude de marché, prix de vente, prévisionnel sur "
        "trois ans. Tu les aideras aussi à préparer leur présentation devant un comité de financement. Ton expérience de "
        "l'entreprise leur donnera confiance et crédibilité.",
    ),
    "software_specs": (
        "Aidez-nous à rédiger le cahier des charges de notre futur logiciel de gestion", _ANY, (_AUDIT, _WEB), (),
        (_TWO_DAYS, _WEEKLY_HALF_DAYS), (1,), True,
        "L'association {association} veut remplacer ses fichiers par un vrai logiciel de gestion des adhérents et des activités. "
        "Tu recueilleras les besoins des salariés et des bénévoles lors de courts ateliers. Tu les traduiras en un cahier des "
        "charges clair et tu aideras l'équipe à comparer les solutions existantes. Ta mission se terminera par une recommandation "
        "argumentée au bureau de l'association.",
    ),
    "sponsors": (
        "Aidez-nous à trouver de nouveaux mécènes et partenaires locaux", _ANY, (_SALES, _MARKETING), (),
        (_FULL_DAY, _WEEKLY_HALF_DAYS, _UNDEFINED), (1, 2), False,
        "L'association {association} souhaite nouer des partenariats avec les entreprises {of_city} et des environs. Tu l'aideras "
        "à cibler les entreprises les plus proches de ses valeurs et à construire une plaquette de présentation percutante. Tu "
        "pourras aussi l'accompagner lors de ses premiers rendez-vous. Ton expérience de la prospection sera un vrai atout pour "
        "une équipe qui n'a jamais démarché.",
    ),
    "call_for_projects": (
        "Préparez avec nous notre réponse à un appel à projets", _ANY, (_SALES, _ADMIN), (),
        (_FULL_DAY, _TWO_DAYS, _TWO_HALF_DAYS), (1, 2), True,
        "Une fondation vient de lancer un appel à projets qui correspond parfaitement aux actions de l'association {association}. "
        "Tu aideras l'équipe à structurer son dossier, à formuler les objectifs et les indicateurs et à construire le budget "
        "prévisionnel. Tu reliras l'ensemble avant l'envoi. Le dossier doit être déposé dans les semaines qui viennent : ta "
        "disponibilité rapide fera la différence.",
    ),
    "shop_sales": (
        "Développez les ventes de notre boutique solidaire", (_EMPLOYMENT, _ENVIRONMENT, _SOCIAL, _ARTS), (_SALES,), (_OTHER,),
        (_FULL_DAY, _WEEKLY_HALF_DAYS, _THREE_DAYS), (1, 2, 3), False,
        "La boutique de l'association {association} finance une partie de ses actions et fait travailler des personnes en "
        "insertion. Tu analyseras avec l'équipe ce qui se vend, à quel prix et à quel moment. Tu proposeras des idées concrètes "
        "pour attirer de nouveaux clients, de la vitrine à la vente en ligne. Tu pourras aussi partager tes techniques de vente "
        "avec les salariés en insertion.",
    ),
    "impact_data": (
        "Aidez-nous à mesurer notre impact grâce à nos données", _ANY, (_DATA, _AUDIT), (),
        (_TWO_DAYS, _WEEKLY_HALF_DAYS), (1, 2), True,
        "Les financeurs de l'association {association} lui demandent de plus en plus de démontrer l'impact de ses actions. Tu "
        "l'aideras à choisir une poignée d'indicateurs utiles et à exploiter les données qu'elle collecte déjà. Tu construiras un "
        "tableau de bord simple, que l'équipe pourra mettre à jour seule. Le goût des chiffres et de la pédagogie est indispensable.",
    ),
    "members_migration": (
        "Migrez notre fichier d'adhérents vers un outil de gestion associatif", _ANY, (_DATA, _ADMIN), (),
        (_TWO_HALF_DAYS, _FULL_DAY), (1,), True,
        "L'association {association} gère ses adhérents et ses donateurs dans un tableur devenu ingérable. Tu nettoieras les "
        "données, supprimeras les doublons et prépareras l'import dans l'outil de gestion qu'elle vient de choisir. Tu vérifieras "
        "ensuite que tout fonctionne et tu montreras à l'équipe comment exporter ses listes. Une mission courte, concrète et très "
        "attendue.",
    ),
    "beneficiaries_dashboard": (
        "Mettez en place un tableau de bord de suivi de nos bénéficiaires",
        (_SOCIAL, _EMPLOYMENT, _HANDICAP, _CHILDHOOD, _SENIOR, _RIGHTS), (_DATA,), (),
        (_FULL_DAY, _TWO_DAYS, _WEEKLY_HALF_DAYS), (1,), True,
        "Chaque année, l'association {association} accompagne plusieurs centaines de personnes, mais peine à suivre leurs "
        "parcours dans la durée. Tu l'aideras à structurer ses données de suivi dans le respect du RGPD. Tu construiras des "
        "indicateurs simples sur la durée des accompagnements et leurs résultats. Ton travail servira directement à améliorer "
        "l'accompagnement proposé.",
    ),
    "website": (
        "Refondez avec nous le site internet de l'association", _ANY, (_WEB, _MARKETING), (),
        (_THREE_DAYS, _WEEKLY_HALF_DAYS, _UNDEFINED), (1, 2), True,
        "Le site de l'association {association} date d'une dizaine d'années et s'affiche mal sur un téléphone. Tu l'aideras à "
        "repenser l'arborescence et les contenus, puis à mettre en ligne un nouveau site avec un outil facile à prendre en main. "
        "Tu formeras un ou deux bénévoles pour qu'ils puissent le faire vivre après ton départ. Un bon sens de l'ergonomie compte "
        "plus que la maîtrise d'un langage en particulier.",
    ),
    "it_security": (
        "Aidez-nous à sécuriser notre parc informatique et nos sauvegardes", _ANY, (_WEB,), (),
        (_FULL_DAY, _TWO_HALF_DAYS), (1,), False,
        "L'association {association} travaille sur une dizaine d'ordinateurs d'âges très variés et ne sait pas vraiment où sont "
        "sauvegardées ses données. Tu feras le point sur le matériel, les comptes et les mots de passe. Tu mettras en place des "
        "sauvegardes automatiques et des règles de sécurité simples. Tu laisseras enfin à l'équipe une fiche pratique pour garder "
        "les bons réflexes.",
    ),
    "refurbish_computers": (
        "Reconditionnez des ordinateurs pour des familles qui n'en ont pas",
        (_SOCIAL, _EDUCATION, _EMPLOYMENT, _ENVIRONMENT, _CHILDHOOD), (_WEB,), (_COMPUTING,),
        (_FULL_DAY, _TWO_HALF_DAYS, _MONTHLY_HALF_DAY), (2, 4, 6), False,
        "L'association {association} récupère des ordinateurs portables donnés par des entreprises pour les offrir à des familles "
        "et à des étudiants qui n'en ont pas. Tu participeras à leur reconditionnement : effacement sécurisé des données, "
        "installation d'un système léger et des logiciels utiles, tests. Tu pourras aussi assister à la remise des ordinateurs et "
        "montrer les premiers gestes aux bénéficiaires. Une mission concrète, où l'on voit tout de suite le résultat de son travail.",
    ),
    "booking_tool": (
        "Développez un outil de réservation en ligne pour nos ateliers", _ANY, (_DEV, _WEB), (),
        (_THREE_DAYS, _UNDEFINED, _TWO_DAYS), (1, 2), True,
        "Les inscriptions aux ateliers de l'association {association} se font encore par téléphone et sur un cahier. Tu l'aideras "
        "à mettre en place un outil de réservation en ligne, de préférence en paramétrant une solution existante. Tu l'intégreras "
        "au site actuel et tu prévoiras un export pour l'équipe. Tu seras en lien direct avec la coordinatrice des activités.",
    ),
    "donations_sync": (
        "Connectez notre formulaire de dons à notre outil de comptabilité", _ANY, (_DEV,), (),
        (_TWO_HALF_DAYS, _FULL_DAY), (1,), True,
        "Chaque mois, un bénévole de l'association {association} recopie à la main les dons reçus en ligne dans l'outil de "
        "comptabilité. Tu automatiseras ce flux grâce aux interfaces proposées par les deux outils. Tu prévoiras aussi l'envoi "
        "automatique des reçus fiscaux aux donateurs. Une courte documentation permettra ensuite à l'équipe de s'en sortir seule.",
    ),
    "coding_club": (
        "Encadrez un atelier de programmation pour des collégiens", (_EDUCATION, _SCIENCE, _CHILDHOOD, _RIGHTS),
        (_DEV,), (_MENTORING,),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (2, 3, 4), False,
        "L'association {association} lance un club de programmation pour des collégiens qui n'ont souvent jamais écrit une ligne "
        "de code. Tu animeras des séances ludiques pour leur faire créer un petit jeu ou un site. Tu leur parleras aussi de ton "
        "métier et de ton parcours. Pas besoin d'être pédagogue de métier : l'équipe te fournira le déroulé des séances.",
    ),
    "social_media": (
        "Aidez-nous à faire connaître notre action sur les réseaux sociaux", _ANY, (_MARKETING,), (),
        (_TWO_HALF_DAYS, _WEEKLY_HALF_DAYS, _UNDEFINED), (1, 2), True,
        "L'association {association} mène des actions formidables, mais elle est encore trop peu connue à {city}. Tu l'aideras à "
        "définir une ligne éditoriale et un calendrier de publications réaliste pour une équipe de bénévoles. Tu animeras un "
        "atelier pour apprendre à prendre de bonnes photos et à écrire des messages courts. Tu repartiras en laissant des modèles "
        "prêts à l'emploi.",
    ),
    "fundraising_campaign": (
        "Concevez avec nous la campagne de notre prochaine collecte de dons", _ANY, (_MARKETING, _SALES), (),
        (_TWO_DAYS, _FULL_DAY, _WEEKLY_HALF_DAYS), (1, 2), True,
        "La collecte de fin d'année représente une part importante des ressources de l'association {association}. Tu l'aideras à "
        "trouver le bon message, à choisir les supports et à construire le calendrier de la campagne. Tu pourras aussi "
        "l'accompagner dans la rédaction des courriers et des courriels aux donateurs. Ton expérience du marketing apportera un "
        "regard neuf à l'équipe.",
    ),
    "annual_report": (
        "Rédigez et mettez en page notre rapport d'activité", _ANY, (_MARKETING, _ADMIN), (),
        (_FULL_DAY, _TWO_DAYS, _TWO_HALF_DAYS), (1,), True,
        "Chaque printemps, l'association {association} présente son rapport d'activité à ses adhérents et à ses financeurs. Tu "
        "l'aideras à rassembler les chiffres de l'année et les témoignages de bénéficiaires. Tu rédigeras un document clair et "
        "agréable à lire, avec une mise en page soignée. Ce rapport servira aussi à convaincre de nouveaux partenaires.",
    ),
    "job_interviews": (
        "Aidez des demandeurs d'emploi à préparer leurs entretiens d'embauche",
        (_EMPLOYMENT, _SOCIAL, _RIGHTS, _HUMANITARIAN, _HANDICAP), (), (_CV,),
        (_HALF_DAY, _TWO_HALF_DAYS, _MONTHLY_HALF_DAY), (3, 5, 8), False,
        "L'association {association} accompagne des personnes qui cherchent un emploi depuis longtemps et redoutent l'entretien "
        "d'embauche. Tu animeras avec un conseiller des simulations d'entretien, suivies d'un retour bienveillant et concret. Tu "
        "partageras ce que tu observes de ton côté, quand tu recrutes ou quand tu es recruté. Tous les métiers sont les bienvenus : "
        "c'est la diversité des regards qui fait la richesse de l'atelier.",
    ),
    "cv_workshop": (
        "Animez un atelier CV et lettre de motivation pour des jeunes", (_EMPLOYMENT, _EDUCATION, _CHILDHOOD), (),
        (_CV, _MENTORING),
        (_HALF_DAY, _TWO_HALF_DAYS), (2, 4), False,
        "Beaucoup de jeunes accompagnés par l'association {association} n'ont jamais rédigé de CV. Tu les aideras, en petit "
        "groupe, à mettre en valeur leurs expériences, y compris associatives ou sportives. Tu les guideras aussi dans l'écriture "
        "d'une lettre de motivation pour une offre réelle. Ils repartiront avec un CV prêt à être envoyé.",
    ),
    "interview_morning": (
        "Participez à une matinée de simulations d'entretien", (_EMPLOYMENT, _RIGHTS, _SOCIAL, _HUMANITARIAN), (), (_CV,),
        (_HALF_DAY,), (5, 8, 10), False,
        "Une fois par trimestre, l'association {association} organise une matinée de simulations d'entretien avec des "
        "professionnels de tous horizons. Tu joueras le rôle du recruteur face à trois ou quatre candidats, sur la base d'offres "
        "d'emploi réelles. Après chaque entretien, tu leur donneras des conseils concrets et encourageants. Cette matinée est "
        "souvent un déclic pour les participants.",
    ),
    "cooking_workshops": (
        "Apportez vos savoir-faire pour co-animer des ateliers cuisine",
        (_SOCIAL, _HANDICAP, _CHILDHOOD, _SENIOR, _EMPLOYMENT), (), (_COOKING,),
        (_FULL_DAY, _TWO_HALF_DAYS, _MONTHLY_HALF_DAY), (2, 3), False,
        "Chaque semaine, l'association {association} réunit des habitants autour d'un atelier cuisine convivial. Tu co-animeras "
        "l'atelier avec l'animatrice : choix de la recette, préparation, puis repas partagé. Tu partageras tes astuces et tes "
        "recettes préférées, et tu en découvriras d'autres venues des quatre coins du monde. Nul besoin d'être un grand chef, la "
        "bonne humeur suffit.",
    ),
    "solidarity_meal": (
        "Cuisinez avec nous le repas solidaire du mois", (_SOCIAL, _SENIOR, _HUMANITARIAN, _CHILDHOOD), (),
        (_COOKING, _SUPPORT),
        (_FULL_DAY,), (4, 6, 8), False,
        "Une fois par mois, l'association {association} prépare un grand repas ouvert à tous, où chacun paie ce qu'il peut. Tu "
        "participeras à la préparation en cuisine le matin, puis au service et à l'accueil des convives. Tu prendras le temps "
        "d'échanger avec les personnes présentes, souvent seules le reste du mois. Une journée intense et chaleureuse, idéale à "
        "plusieurs collègues.",
    ),
    "budget_cooking": (
        "Animez un atelier « cuisiner avec un petit budget »", (_SOCIAL, _HANDICAP, _CHILDHOOD), (), (_COOKING, _HEALTH),
        (_HALF_DAY, _TWO_HALF_DAYS), (1, 2), False,
        "Les familles accompagnées par l'association {association} doivent souvent nourrir toute la maisonnée avec quelques euros "
        "par jour. Tu animeras un atelier pour cuisiner des plats équilibrés, savoureux et économiques, à partir des produits de "
        "saison. Tu partageras aussi des astuces pour limiter le gaspillage et organiser les menus de la semaine. Chaque "
        "participant repartira avec les recettes et une part du repas.",
    ),
    "art_workshop": (
        "Encadrez un atelier de libre expression artistique", (_ARTS, _HANDICAP, _SENIOR, _SOCIAL), (), (_CRAFTS, _SUPPORT),
        (_UNDEFINED, _MONTHLY_HALF_DAY, _WEEKLY_HALF_DAYS), (2, 3, 4), False,
        "L'association {association} propose des ateliers de peinture, de collage et de modelage à des personnes qui trouvent "
        "dans la création un moyen de s'exprimer. Tu accueilleras les participants, tu seras à leur écoute et tu veilleras au bon "
        "déroulement de l'atelier avec l'intervenante artistique. Tu n'as pas besoin d'être artiste, seulement d'être bienveillant "
        "et disponible. Ton engagement doit être régulier, au moins une après-midi par mois.",
    ),
    "journalism": (
        "Aidez-nous à animer des ateliers de journalisme", (_ARTS, _EDUCATION, _CHILDHOOD, _RIGHTS), (), (_CRAFTS, _MENTORING),
        (_UNDEFINED, _WEEKLY_HALF_DAYS), (2, 3), False,
        "Avec l'association {association}, des jeunes réalisent chaque trimestre un journal et des reportages sur leur quartier. "
        "Tu les aideras à choisir leurs sujets, à préparer leurs interviews et à écrire des articles clairs. Tu pourras aussi leur "
        "faire découvrir la photo ou le montage sonore. L'objectif est qu'ils prennent la parole et gagnent confiance en eux.",
    ),
    "furniture": (
        "Venez bricoler avec nous le mobilier de notre nouveau local",
        (_ENVIRONMENT, _SOCIAL, _EMPLOYMENT, _ARTS, _CHILDHOOD), (), (_CRAFTS,),
        (_FULL_DAY, _TWO_DAYS), (4, 6, 8), False,
        "L'association {association} s'installe dans un nouveau local et a décidé de le meubler avec des matériaux de "
        "récupération. Tu participeras à une journée de chantier pour fabriquer étagères, bancs et tables en bois de palette. Les "
        "outils et les plans sont fournis, et un menuisier bénévole encadre le chantier. Une mission idéale pour une équipe de "
        "collègues qui veut faire quelque chose de ses mains.",
    ),
    "repair_cafe": (
        "Participez à l'atelier couture et réparation du samedi", (_ENVIRONMENT, _EMPLOYMENT, _SOCIAL), (), (_CRAFTS,),
        (_HALF_DAY, _MONTHLY_HALF_DAY), (2, 3), False,
        "L'atelier de réparation de l'association {association} permet aux habitants de faire durer leurs vêtements et leurs "
        "objets au lieu de les jeter. Tu aideras les participants à recoudre, ajuster ou réparer, en leur transmettant les bons "
        "gestes. Si tu ne sais pas coudre, tu pourras accueillir le public et tenir le registre des objets réparés. L'ambiance y "
        "est toujours conviviale.",
    ),
    "museum_trip": (
        "Accompagnez une sortie culturelle au musée", (_ARTS, _SENIOR, _CHILDHOOD, _HANDICAP, _SOCIAL), (), (_SUPPORT, _CRAFTS),
        (_HALF_DAY, _FULL_DAY), (2, 4, 6), False,
        "Pour beaucoup des personnes accompagnées par l'association {association}, pousser la porte d'un musée ne va pas de soi. "
        "Tu accompagneras un petit groupe lors d'une visite guidée, du départ en transports en commun jusqu'au retour. Tu veilleras "
        "à ce que chacun se sente à sa place et tu partageras ta propre curiosité. Une expérience simple et forte, qui crée des liens.",
    ),
    "street_party": (
        "Prêtez main-forte pour l'organisation de notre fête de quartier", _ANY, (), (_OTHER,),
        (_FULL_DAY, _TWO_HALF_DAYS), (4, 6, 10), False,
        "Chaque année, l'association {association} organise une grande fête ouverte à tous les habitants {of_city}. Tu "
        "participeras à l'installation des stands, à l'accueil du public et à l'animation des jeux pour les enfants. Tu aideras "
        "aussi au rangement en fin de journée. Une journée joyeuse, à vivre seul ou avec des collègues.",
    ),
    "open_day": (
        "Tenez un stand lors de notre journée portes ouvertes", _ANY, (), (_OTHER,),
        (_HALF_DAY,), (2, 3), False,
        "L'association {association} ouvre ses portes au public pour présenter ses actions et recruter de nouveaux bénévoles. Tu "
        "tiendras un stand avec un membre de l'équipe, tu accueilleras les visiteurs et tu répondras à leurs questions. Tu "
        "recevras en amont une présentation complète de l'association. Une belle occasion de découvrir l'engagement associatif "
        "de l'intérieur.",
    ),
    "moving": (
        "Aidez-nous à déménager et réaménager nos locaux", _ANY, (), (_OTHER,),
        (_FULL_DAY,), (4, 6, 8), False,
        "L'association {association} change de locaux et a besoin de bras pour mettre en cartons, transporter et réinstaller son "
        "matériel. Tu participeras au déménagement aux côtés des salariés et des bénévoles. Tu aideras ensuite à réaménager les "
        "espaces d'accueil pour qu'ils soient prêts à recevoir le public. Une journée physique mais très utile, dans une ambiance "
        "d'équipe.",
    ),
    "seniors_digital": (
        "Initiez des seniors aux outils numériques du quotidien", (_SENIOR, _SOCIAL, _EDUCATION), (), (_COMPUTING, _SUPPORT),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (2, 3, 4), False,
        "Envoyer une photo à ses petits-enfants, passer un appel vidéo, consulter ses remboursements de santé : autant de gestes "
        "simples qui restent difficiles pour beaucoup d'aînés. Tu animeras, avec l'association {association}, des ateliers en "
        "petit groupe sur smartphone, tablette ou ordinateur. Tu avanceras au rythme de chacun, avec patience et bonne humeur. "
        "Les supports d'atelier sont fournis.",
    ),
    "computer_basics": (
        "Animez des ateliers d'initiation à l'ordinateur pour des adultes",
        (_EMPLOYMENT, _SOCIAL, _EDUCATION, _HUMANITARIAN, _RIGHTS), (), (_COMPUTING,),
        (_WEEKLY_HALF_DAYS, _HALF_DAY, _MONTHLY_HALF_DAY), (2, 3), False,
        "L'association {association} accueille des adultes qui n'ont jamais utilisé d'ordinateur et en ont besoin pour chercher "
        "un emploi ou faire leurs démarches. Tu animeras des séances d'initiation : utiliser le clavier et la souris, créer une "
        "adresse électronique, naviguer sur internet en sécurité. Tu adapteras ton rythme à un public parfois peu à l'aise avec "
        "l'écrit. La bienveillance compte plus que l'expertise technique.",
    ),
    "screens": (
        "Sensibilisez des familles aux bons usages des écrans", (_CHILDHOOD, _EDUCATION, _HANDICAP), (), (_COMPUTING, _HEALTH),
        (_HALF_DAY, _TWO_HALF_DAYS), (1, 2), False,
        "Les parents accompagnés par l'association {association} s'interrogent sur la place des écrans dans la vie de leurs "
        "enfants. Tu co-animeras avec une professionnelle de la petite enfance un atelier d'échanges sur le temps d'écran, le "
        "contrôle parental et les réseaux sociaux. Tu montreras concrètement comment paramétrer un téléphone ou une tablette. "
        "L'atelier se veut pratique et sans jugement.",
    ),
    "shared_garden": (
        "Venez jardiner avec nous au potager partagé", (_ENVIRONMENT, _SOCIAL, _SENIOR, _HANDICAP), (), (_GARDENING,),
        (_HALF_DAY, _MONTHLY_HALF_DAY, _FULL_DAY), (3, 5, 8), False,
        "Le potager partagé de l'association {association} réunit des habitants de tous âges autour des semis, des plantations et "
        "des récoltes. Tu participeras aux travaux de saison aux côtés des jardiniers bénévoles. Tu aideras aussi à transmettre "
        "les bons gestes aux nouveaux venus, à moins que tu ne les apprennes toi-même. Les récoltes sont partagées entre les "
        "participants et des familles du quartier.",
    ),
    "school_garden": (
        "Aidez-nous à créer un jardin pédagogique avec des écoliers", (_ENVIRONMENT, _EDUCATION, _CHILDHOOD, _SCIENCE), (),
        (_GARDENING, _TUTORING),
        (_TWO_HALF_DAYS, _WEEKLY_HALF_DAYS), (2, 4), False,
        "L'association {association} aménage un jardin pédagogique avec une école primaire {of_city}. Tu accompagneras les "
        "élèves dans la création des carrés potagers, les semis et l'observation des petites bêtes du jardin. Tu les aideras à "
        "comprendre le cycle des plantes à travers des expériences simples. Les enseignants et l'animatrice de l'association "
        "préparent chaque séance avec toi.",
    ),
    "hedges": (
        "Participez à un chantier nature de plantation de haies", (_ENVIRONMENT, _SPORTS, _SCIENCE), (), (_GARDENING, _OTHER),
        (_FULL_DAY,), (5, 8, 10), False,
        "Les haies abritent oiseaux, insectes et petits mammifères, et elles ont beaucoup disparu de nos campagnes. Avec "
        "l'association {association}, tu participeras à une journée de plantation de jeunes arbres et arbustes locaux. Tu "
        "apprendras à préparer le sol, à planter et à pailler, encadré par un technicien. Une journée au grand air, idéale pour "
        "une équipe de collègues.",
    ),
    "youth_mentoring": (
        "Devenez mentor d'un jeune en recherche d'orientation", (_EDUCATION, _EMPLOYMENT, _CHILDHOOD), (), (_MENTORING,),
        (_MONTHLY_HALF_DAY, _UNDEFINED), (3, 5, 8), True,
        "L'association {association} met en relation des jeunes qui se cherchent avec des professionnels prêts à partager leur "
        "expérience. Tu rencontreras ton binôme une fois par mois pendant six mois, en personne ou à distance. Tu l'aideras à "
        "explorer des métiers, à réfléchir à ses envies et à élargir son réseau. L'association te forme et te suit tout au long "
        "du mentorat.",
    ),
    "women_mentoring": (
        "Parrainez une femme en reconversion professionnelle", (_RIGHTS, _EMPLOYMENT, _SOCIAL), (), (_MENTORING, _CV),
        (_MONTHLY_HALF_DAY, _UNDEFINED), (2, 4, 6), True,
        "Les femmes accompagnées par l'association {association} reconstruisent leur projet professionnel après une période "
        "difficile. Tu parraineras l'une d'elles pendant plusieurs mois, à raison d'un rendez-vous mensuel. Tu l'aideras à "
        "préciser son projet, à préparer ses candidatures et à reprendre confiance en elle. Ton réseau et ton expérience du monde "
        "du travail lui seront précieux.",
    ),
    "founder_mentoring": (
        "Accompagnez un porteur de projet dans ses premiers mois d'activité", (_EMPLOYMENT, _SOCIAL), (_SALES,), (_MENTORING,),
        (_MONTHLY_HALF_DAY, _UNDEFINED), (2, 3, 4), True,
        "Les créateurs accompagnés par l'association {association} viennent de lancer leur activité et affrontent leurs premiers "
        "clients. Tu suivras l'un d'eux pendant six mois, à raison d'un point mensuel. Tu l'aideras à prendre du recul sur ses "
        "chiffres, sa prospection et ses prix. Ton expérience commerciale l'aidera à éviter les pièges des débuts.",
    ),
    "homework": (
        "Aidez des collégiens dans leurs devoirs après la classe", (_EDUCATION, _CHILDHOOD, _SOCIAL), (), (_TUTORING,),
        (_WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY, _UNDEFINED), (3, 5, 8), False,
        "Chaque soir après la classe, l'association {association} accueille des collégiens pour les aider à faire leurs devoirs. "
        "Tu accompagneras un petit groupe en français, en mathématiques ou en anglais, selon tes goûts. Tu les aideras surtout à "
        "s'organiser et à reprendre confiance en eux. Une présence régulière est précieuse, même une fois par mois.",
    ),
    "french_classes": (
        "Animez des ateliers de français pour des adultes allophones", (_HUMANITARIAN, _EDUCATION, _EMPLOYMENT, _RIGHTS), (),
        (_TUTORING, _SUPPORT),
        (_WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY, _UNDEFINED), (2, 4), False,
        "Les personnes accueillies par l'association {association} ont besoin de parler français pour se soigner, travailler et "
        "faire leurs démarches. Tu animeras des ateliers de conversation en petit groupe, à partir de situations de la vie "
        "quotidienne. Aucun diplôme d'enseignant n'est demandé : l'équipe fournit les supports et conseille les nouveaux "
        "bénévoles. Tu verras les progrès d'une séance à l'autre.",
    ),
    "grand_oral": (
        "Préparez des lycéens au grand oral du baccalauréat", (_EDUCATION, _CHILDHOOD), (), (_TUTORING, _MENTORING),
        (_TWO_HALF_DAYS, _HALF_DAY), (2, 4, 6), True,
        "L'association {association} organise chaque printemps des entraînements au grand oral du baccalauréat. Tu feras passer "
        "des oraux blancs à des lycéens, puis tu les aideras à améliorer leur présentation et leur aisance. Tu partageras aussi "
        "ton expérience de la prise de parole en public au travail. Les lycéens aborderont l'épreuve plus sereins.",
    ),
    "science_experiments": (
        "Faites découvrir les sciences en menant des expériences avec des enfants", (_SCIENCE, _EDUCATION, _CHILDHOOD), (),
        (_TUTORING, _CRAFTS),
        (_HALF_DAY, _WEEKLY_HALF_DAYS), (2, 3, 4), False,
        "Pourquoi le ciel est-il bleu, comment flotte un bateau ? Avec l'association {association}, tu animeras des ateliers "
        "d'expériences pour des enfants de 8 à 12 ans. Tu les guideras dans leurs manipulations et tu les aideras à formuler "
        "leurs hypothèses. Le matériel et les fiches d'animation sont fournis. Ta curiosité comptera plus que ton diplôme.",
    ),
    "health_prevention": (
        "Co-animez un atelier de prévention santé", (_HANDICAP, _SOCIAL, _SENIOR, _CHILDHOOD), (), (_HEALTH,),
        (_HALF_DAY, _TWO_HALF_DAYS), (1, 2), False,
        "L'association {association} organise régulièrement des ateliers de prévention sur le sommeil, l'alimentation ou la "
        "gestion du stress. Tu co-animeras l'un de ces ateliers avec une professionnelle de santé, en préparant les supports et en "
        "animant les échanges. Tu veilleras à ce que chacun puisse poser ses questions librement. Ton aisance à l'oral sera ton "
        "principal atout.",
    ),
    "gentle_gym": (
        "Animez un atelier de gym douce et d'équilibre pour des seniors", (_SENIOR, _SPORTS, _HANDICAP), (), (_HEALTH, _OTHER),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (1, 2), False,
        "Rester actif est essentiel pour bien vieillir et éviter les chutes. Avec l'association {association}, tu animeras une "
        "séance de gym douce et d'exercices d'équilibre pour des personnes âgées, sous la conduite d'un éducateur sportif. Tu "
        "aideras chacun à adapter les mouvements à ses capacités. La séance se termine toujours par un moment convivial autour "
        "d'une boisson chaude.",
    ),
    "first_aid": (
        "Participez à une journée de sensibilisation aux gestes qui sauvent", (_HANDICAP, _SPORTS, _EDUCATION), (), (_HEALTH,),
        (_FULL_DAY, _HALF_DAY), (2, 4), False,
        "L'association {association} organise une journée d'initiation aux gestes qui sauvent, ouverte aux habitants {of_city}. "
        "Si tu es secouriste, tu animeras un atelier sur le massage cardiaque ou la position latérale de sécurité. Sinon, tu "
        "aideras à l'accueil et à l'organisation des groupes. Chaque participant repartira en sachant réagir face à une urgence.",
    ),
    "adapted_sport_outing": (
        "Accompagnez des personnes en situation de handicap lors d'une sortie sportive", (_SPORTS, _HANDICAP), (), (_SUPPORT,),
        (_FULL_DAY, _HALF_DAY), (3, 5, 8), False,
        "L'association {association} organise des sorties sportives où personnes valides et personnes en situation de handicap "
        "pratiquent ensemble. Tu accompagneras un participant tout au long de la sortie, en l'aidant selon ses besoins. L'équipe "
        "encadrante te proposera une courte formation le matin même. Tu vivras une journée sportive riche en émotions et en "
        "rencontres.",
    ),
    "senior_visits": (
        "Rendez visite à des personnes âgées isolées", (_SENIOR, _HANDICAP, _SOCIAL), (), (_SUPPORT,),
        (_MONTHLY_HALF_DAY, _WEEKLY_HALF_DAYS, _UNDEFINED), (2, 4, 6), False,
        "Pour certaines personnes âgées suivies par l'association {association}, la visite d'un bénévole est la seule de la "
        "semaine. Tu rendras visite, avec un bénévole expérimenté, à une ou deux personnes chez elles pour discuter, jouer aux "
        "cartes ou faire une courte promenade. Tu seras formé à l'écoute et au respect de l'intimité de chacun. Ces moments "
        "simples comptent énormément pour ceux que tu rencontreras.",
    ),
    "family_welcome": (
        "Accueillez les familles lors de nos permanences", (_CHILDHOOD, _SOCIAL, _RIGHTS, _HANDICAP), (), (_SUPPORT,),
        (_HALF_DAY, _WEEKLY_HALF_DAYS), (2, 3), False,
        "Les permanences de l'association {association} reçoivent chaque semaine des familles qui viennent chercher un conseil, "
        "une aide ou simplement une écoute. Tu accueilleras les parents, tu les orienteras vers le bon interlocuteur et tu "
        "animeras un espace de jeu pour les enfants pendant les rendez-vous. Ton sourire et ta disponibilité feront la "
        "différence. L'équipe te présentera le fonctionnement de l'accueil dès ton arrivée.",
    ),
    "nature_outing": (
        "Encadrez une sortie nature avec des jeunes du quartier", (_SPORTS, _ENVIRONMENT, _CHILDHOOD), (), (_SUPPORT, _OTHER),
        (_FULL_DAY,), (3, 4, 6), False,
        "L'association {association} emmène des jeunes qui sortent rarement de la ville découvrir la nature toute proche. Tu "
        "encadreras un petit groupe lors d'une randonnée ou d'une journée d'activités de plein air, aux côtés des animateurs. Tu "
        "veilleras à la sécurité de chacun et tu partageras ton plaisir d'être dehors. Une bonne condition physique est souhaitée.",
    ),
    "food_parcels": (
        "Participez à la distribution de colis alimentaires", (_SOCIAL, _HUMANITARIAN, _SENIOR, _CHILDHOOD), (), (_FOOD,),
        (_HALF_DAY, _WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (4, 6, 8), False,
        "Chaque semaine, l'association {association} distribue des colis alimentaires à des familles en difficulté {of_city}. Tu "
        "participeras à la préparation des colis, puis à l'accueil et à la distribution. Tu prendras le temps d'échanger avec les "
        "bénéficiaires, dans le respect et la discrétion. Une mission concrète, où chaque heure donnée compte.",
    ),
    "food_sorting": (
        "Aidez-nous à trier les denrées de notre grande collecte", (_SOCIAL, _HUMANITARIAN, _ENVIRONMENT), (), (_FOOD,),
        (_FULL_DAY, _TWO_HALF_DAYS), (5, 8, 10), False,
        "Après sa grande collecte annuelle, l'association {association} doit trier plusieurs tonnes de denrées en quelques jours. "
        "Tu vérifieras les dates de consommation, tu classeras les produits par catégorie et tu prépareras les palettes pour le "
        "stockage. Le travail se fait en équipe, dans une ambiance chaleureuse. Prévois des vêtements confortables.",
    ),
    "unsold_food": (
        "Collectez les invendus auprès des commerces partenaires", (_SOCIAL, _ENVIRONMENT, _EMPLOYMENT), (), (_FOOD, _OTHER),
        (_HALF_DAY, _MONTHLY_HALF_DAY, _WEEKLY_HALF_DAYS), (2, 3), False,
        "Chaque matin, l'association {association} récupère les invendus des boulangeries et des primeurs {of_city} pour les "
        "redistribuer. Tu participeras à une tournée de collecte avec un salarié de l'association, puis au tri des produits à "
        "leur arrivée. Tu découvriras au passage les coulisses de la lutte contre le gaspillage alimentaire. Le permis B est un "
        "plus, sans être obligatoire.",
    ),
    "container": (
        "Préparez le départ d'un conteneur de matériel scolaire", (_HUMANITARIAN, _EDUCATION), (_ADMIN,), (_OTHER,),
        (_FULL_DAY, _TWO_DAYS), (3, 5, 6), False,
        "Deux fois par an, l'association {association} envoie un conteneur de livres, de fournitures et de mobilier scolaire à "
        "ses écoles partenaires. Tu aideras à trier, inventorier et emballer le matériel collecté. Si tu es à l'aise avec les "
        "formalités, tu pourras aussi préparer les documents de transport et de douane. Chaque carton rempli équipera une classe "
        "à l'autre bout du monde.",
    ),
    "remote_projects": (
        "Aidez-nous à suivre nos projets de terrain à distance", (_HUMANITARIAN,), (_AUDIT, _DATA), (),
        (_TWO_DAYS, _UNDEFINED), (1,), True,
        "L'association {association} finance des projets menés par des partenaires à des milliers de kilomètres et peine à "
        "suivre leur avancement. Tu l'aideras à concevoir des outils de suivi simples, partagés en ligne avec les partenaires. Tu "
        "proposeras un format de compte rendu trimestriel et une méthode de suivi budgétaire. Ton expérience de la gestion de "
        "projet sera précieuse.",
    ),
    "legal_desk": (
        "Tenez une permanence d'accès aux droits avec nos juristes", (_RIGHTS, _SOCIAL), (_ADMIN,), (_SUPPORT,),
        (_WEEKLY_HALF_DAYS, _MONTHLY_HALF_DAY), (1, 2), False,
        "L'association {association} tient des permanences gratuites pour aider chacun à connaître et à faire valoir ses droits. "
        "Tu accueilleras les personnes, tu les aideras à rassembler leurs documents et tu prépareras leur rendez-vous avec un "
        "juriste. Tu pourras aussi rédiger des courriers types avec lui. Ta rigueur et ta discrétion sont indispensables.",
    ),
    "inclusive_tournament": (
        "Encadrez un tournoi sportif inclusif", (_SPORTS, _HANDICAP, _CHILDHOOD), (), (_OTHER, _SUPPORT),
        (_FULL_DAY,), (5, 8, 10), False,
        "L'association {association} organise un tournoi où jeunes valides et jeunes en situation de handicap jouent dans les "
        "mêmes équipes. Tu seras arbitre, coach d'équipe ou responsable d'un terrain, selon tes envies. Tu aideras aussi à "
        "l'accueil des participants et à la remise des prix. Une journée festive, où le résultat compte moins que le plaisir de "
        "jouer ensemble.",
    ),
    "citizen_science": (
        "Participez à une opération de sciences participatives", (_SCIENCE, _ENVIRONMENT), (), (_OTHER,),
        (_HALF_DAY, _FULL_DAY), (4, 6, 10), False,
        "Avec des chercheurs partenaires, l'association {association} recense la faune et la flore de son territoire pour suivre "
        "l'état de la biodiversité. Tu participeras à une journée d'inventaire sur le terrain, après une courte formation aux "
        "protocoles d'observation. Tes relevés rejoindront une base de données utilisée par les scientifiques. Aucune "
        "connaissance préalable n'est nécessaire, seulement un peu de patience et le sens de l'observation.",
    ),
    "festival": (
        "Aidez-nous à organiser la logistique de notre festival", (_ARTS, _SPORTS, _CHILDHOOD), (), (_OTHER,),
        (_TWO_DAYS, _FULL_DAY), (4, 6, 10), False,
        "Chaque année, l'association {association} organise à {city} un festival qui attire plusieurs milliers de visiteurs. Tu "
        "rejoindras l'équipe logistique pour installer les espaces, accueillir les artistes et orienter le public. Tu pourras "
        "aussi tenir la billetterie ou le bar solidaire. L'énergie du festival te fera oublier la fatigue.",
    ),
    "story_reading": (
        "Venez lire des histoires aux enfants que nous accueillons", (_ARTS, _CHILDHOOD, _HANDICAP, _EDUCATION), (),
        (_CRAFTS, _SUPPORT),
        (_HALF_DAY, _MONTHLY_HALF_DAY), (2, 3), False,
        "Un moment de lecture, c'est une parenthèse pour des enfants qui traversent une période difficile. Avec l'association "
        "{association}, tu liras des albums et des contes à de petits groupes d'enfants, puis tu les inviteras à dessiner ou à "
        "inventer la suite. L'équipe te conseillera sur le choix des livres selon les âges. Aucune expérience n'est demandée, "
        "seulement le goût de raconter.",
    ),
}


# Which mission types each association offers, in ASSOCIATIONS' order: chosen by hand so that every
# mission makes sense for its association (a seniors' association does not coach entrepreneurs). The five
# associations engagement's demo knows get five missions each, so the demo referent has a full page.
_OFFERS: dict[str, tuple[str, ...]] = {
    "Les Petits Savants": ("science_experiments", "homework", "coding_club", "school_garden", "website"),
    "Graines de Guillotière": ("shared_garden", "hedges", "budget_cooking", "furniture", "sponsors"),
    "Les Pages voyageuses": ("story_reading", "french_classes", "open_day", "journalism", "members_migration"),
    "Les Voisins d'argent": ("senior_visits", "seniors_digital", "gentle_gym", "online_procedures", "governance"),
    "La Marmite des Canuts": ("solidarity_meal", "unsold_food", "job_interviews", "food_parcels", "beneficiaries_dashboard"),
    "Cap Rebond Emploi": ("interview_morning", "cv_workshop", "computer_basics", "impact_data"),
    "Les Ateliers du Canal": ("journalism", "festival", "museum_trip", "social_media"),
    "Santé Partagée Belleville": ("health_prevention", "online_procedures", "budget_cooking", "software_specs"),
    "Tremplin Numérique 93": ("refurbish_computers", "coding_club", "cv_workshop", "it_security"),
    "Les Cartables de Montreuil": ("homework", "grand_oral", "screens", "call_for_projects"),
    "Le Relais juridique des Hauts-de-Seine": ("legal_desk", "family_welcome", "annual_report"),
    "Les Foulées solidaires": ("adapted_sport_outing", "inclusive_tournament", "first_aid", "spreadsheets"),
    "Ponts sans frontières": ("container", "remote_projects", "fundraising_campaign"),
    "Cordée alpine solidaire": ("nature_outing", "adapted_sport_outing", "inclusive_tournament", "sponsors"),
    "Volcans numériques": ("seniors_digital", "computer_basics", "booking_tool"),
    "L'Atelier des Passementiers": ("repair_cafe", "shop_sales", "furniture", "social_media"),
    "Massilia Sciences ouvertes": ("coding_club", "science_experiments", "website"),
    "L'Épicerie du Panier": ("budget_cooking", "food_parcels", "family_welcome", "shop_sales"),
    "Azur Mer vivante": ("citizen_science", "nature_outing", "fundraising_campaign"),
    "Les Ailes de Garonne": ("story_reading", "family_welcome", "street_party", "business_model"),
    "Passerelle Égalité": ("women_mentoring", "job_interviews", "legal_desk"),
    "Arènes et Scènes": ("art_workshop", "festival", "museum_trip", "admin_order"),
    "Les Quais de l'emploi": ("youth_mentoring", "cv_workshop", "interview_morning"),
    "Limousin Terres partagées": ("shared_garden", "school_garden", "shop_sales", "it_security"),
    "Les Voiles de l'espoir": ("adapted_sport_outing", "first_aid", "website"),
    "Ker Partage": ("french_classes", "online_procedures", "computer_basics", "solidarity_meal"),
    "Les Goélands de l'Iroise": ("gentle_gym", "hedges", "social_media"),
    "Estuaire Entreprendre": ("business_plan", "founder_mentoring", "call_for_projects", "sponsors"),
    "Cultures croisées Anjou": ("festival", "street_party", "story_reading"),
    "Le Phare normand": ("art_workshop", "cooking_workshops", "health_prevention", "governance"),
    "Les Potagers de la Prairie": ("school_garden", "citizen_science", "open_day"),
    "Le Beffroi des jeunes": ("youth_mentoring", "grand_oral", "cv_workshop", "members_migration"),
    "La Navette roubaisienne": ("repair_cafe", "shop_sales", "annual_report"),
    "Les Hortillons solidaires": ("food_parcels", "food_sorting", "senior_visits", "moving"),
    "La Maison des familles du Neudorf": ("family_welcome", "screens", "budget_cooking"),
    "Les Hauts Fourneaux du savoir": ("coding_club", "science_experiments", "impact_data", "call_for_projects"),
    "Bulles d'autonomie": ("art_workshop", "museum_trip", "donations_sync"),
    "Moutarde et Partage": ("cooking_workshops", "budget_cooking", "health_prevention", "solidarity_meal"),
    "Horizons comtois": ("container", "remote_projects", "call_for_projects"),
    "Le Point d'appui": ("legal_desk", "online_procedures", "beneficiaries_dashboard", "spreadsheets"),
    "Les Veilleurs d'Orléans": ("senior_visits", "health_prevention", "fundraising_campaign"),
    "A Manu Tesa": ("food_parcels", "food_sorting", "senior_visits", "admin_order"),
    "Scola aperta": ("homework", "journalism", "booking_tool"),
    "Karukera Avenir": ("youth_mentoring", "cv_workshop", "computer_basics", "software_specs"),
    "Mangrove vivante": ("citizen_science", "nature_outing", "website"),
    "Ti Kaz solidaire": ("food_parcels", "health_prevention", "family_welcome", "donations_sync"),
}


def _of(city: str) -> str:
    """"de Lyon" but "d'Amiens": French elides "de" before a vowel."""
    return f"d'{city}" if city[0] in "AEIOUYÂÉÈÊÎÔ" else f"de {city}"


def _mission_status(index: int) -> str:
    # Mostly published, with a few drafts and closed missions so that every screen has something to show.
    if index % 17 == 5:
        return "draft"
    if index % 29 == 13:
        return "closed"
    return "published"


def _distinct_title(title: str, association: dict, taken: set[str]) -> str:
    """The offer's title the first time; then the same offer elsewhere names its city, or its association (a list of
    identical titles reads as a bug). The first one keeps its id."""
    for candidate in (title, f"{title} à {association['city']}", f"{title} avec {association['name']}"):
        if candidate not in taken:
            return candidate
    raise ValueError(f"no distinct title for {title!r} at {association['name']!r}")


def _build_missions() -> list[dict]:
    missions: list[dict] = []
    titles: set[str] = set()
    for association in ASSOCIATIONS:
        for kind in _OFFERS[association["name"]]:
            title, fits, professional, personal, options, places, remote, description = _MISSION_TYPES[kind]
            index = len(missions)
            # The format and the number of places vary from one association to the next.
            mission_format, duration = options[index % len(options)]
            distinct = _distinct_title(title, association, titles)
            themes = association["themes"] if fits is _ANY else [theme for theme in association["themes"] if theme in fits]
            if not themes:
                raise ValueError(f"{association['name']!r} cannot offer {kind!r}: no theme in common")
            missions.append(
                {
                    "id": demo_id("mission", f"{index}:{distinct}"),
                    "title": distinct,
                    "association": association["name"],
                    "association_id": association["id"],
                    "themes": list(themes),
                    "professional_expertises": list(professional),
                    "personal_expertises": list(personal),
                    "format": mission_format,
                    "duration": duration,
                    "address": association["address"],
                    "city": association["city"],
                    "department": association["department"],
                    "region": association["region"],
                    "remote_possible": remote,
                    "places": places[index % len(places)],
                    "all_jobs": not professional,
                    "description": description.format(
                        association=association["name"], city=association["city"], of_city=_of(association["city"])
                    ),
                    "status": _mission_status(index),
                    "open_to_all_companies": index % 13 != 8,
                }
            )
            titles.add(missions[-1]["title"])
    return missions


MISSIONS: list[dict] = _build_missions()


# ---------------------------------------------------------------------------------------------------
# L'actu solidaire
# ---------------------------------------------------------------------------------------------------
# Dated causes over the twelve months from 1 December 2026. Fixed international days are exact; the
# dates of national campaigns (Téléthon, the Restos du Cœur's collection, the week against waste) follow
# their usual calendar and are to be confirmed each year. Themes and keywords link them to missions.

def _spotlight(title: str, start: date, end: date | None, themes: tuple[str, ...], keywords: tuple[str, ...], description: str) -> dict:
    return {
        "id": demo_id("spotlight", title),
        "title": title,
        "date": start.isoformat(),
        "end_date": end.isoformat() if end else None,
        "description": description,
        "themes": list(themes),
        "keywords": list(keywords),
    }


SPOTLIGHTS: list[dict] = [
    _spotlight(
        "Journée internationale des personnes handicapées", date(2026, 12, 3), None,
        (_HANDICAP, _SPORTS), ("handicap", "inclusion", "accessibilité", "sport adapté"),
        "Le 3 décembre, la journée internationale des personnes handicapées rappelle que l'inclusion se construit au quotidien. "
        "C'est le moment de rejoindre une sortie sportive partagée ou un atelier adapté près de chez toi.",
    ),
    _spotlight(
        "Téléthon", date(2026, 12, 4), date(2026, 12, 5),
        (_HANDICAP, _SCIENCE), ("maladies rares", "recherche", "handicap", "collecte"),
        "Le premier week-end de décembre, le Téléthon mobilise toute la France pour la recherche sur les maladies rares. "
        "Partout, des associations organisent des défis sportifs, des ventes et des animations : un bon moment pour t'engager.",
    ),
    _spotlight(
        "Collecte nationale des Restos du Cœur", date(2027, 3, 5), date(2027, 3, 7),
        (_SOCIAL,), ("aide alimentaire", "collecte", "colis", "tri", "distribution"),
        "Début mars, des milliers de bénévoles collectent des denrées à l'entrée des supermarchés pour l'aide alimentaire. "
        "Dans la foulée, les associations ont besoin de bras pour trier les produits et préparer les distributions.",
    ),
    _spotlight(
        "Journée internationale des droits des femmes", date(2027, 3, 8), None,
        (_RIGHTS, _EMPLOYMENT), ("égalité", "femmes", "droits", "reconversion", "mentorat"),
        "Le 8 mars est l'occasion de soutenir les associations qui défendent l'égalité et accompagnent les femmes vers l'autonomie. "
        "Parrainage, ateliers CV, permanences juridiques : ton expérience peut aider une femme à rebondir.",
    ),
    _spotlight(
        "Journée mondiale de la santé", date(2027, 4, 7), None,
        (_HANDICAP, _SOCIAL), ("santé", "prévention", "accès aux soins", "nutrition"),
        "Le 7 avril, la journée mondiale de la santé met en lumière l'accès aux soins pour toutes et tous. "
        "Ateliers de prévention, cuisine équilibrée à petit budget, accompagnement vers les soins : des missions t'attendent.",
    ),
    _spotlight(
        "Journée mondiale de l'environnement", date(2027, 6, 5), None,
        (_ENVIRONMENT, _SCIENCE), ("environnement", "biodiversité", "jardin", "nature", "littoral"),
        "Le 5 juin, la journée mondiale de l'environnement invite chacun à agir pour la planète. "
        "Jardins partagés, plantation de haies, inventaires de biodiversité ou ramassage de déchets : choisis ton terrain d'action.",
    ),
    _spotlight(
        "Journée mondiale de l'aide humanitaire", date(2027, 8, 19), None,
        (_HUMANITARIAN,), ("solidarité internationale", "humanitaire", "exilés", "accueil"),
        "Le 19 août, la journée mondiale de l'aide humanitaire rend hommage à celles et ceux qui viennent en aide aux populations en crise. "
        "Ici aussi, tu peux agir : accueil de personnes exilées, cours de français, suivi de projets solidaires à l'étranger.",
    ),
    _spotlight(
        "Journées européennes du patrimoine", date(2027, 9, 18), date(2027, 9, 19),
        (_ARTS,), ("culture", "patrimoine", "musée", "sortie culturelle"),
        "Le troisième week-end de septembre, les Journées européennes du patrimoine ouvrent les portes des monuments et des musées. "
        "Une belle occasion d'accompagner des personnes qui n'y vont jamais à la découverte de leur ville.",
    ),
    _spotlight(
        "Journée internationale des personnes âgées", date(2027, 10, 1), None,
        (_SENIOR,), ("seniors", "isolement", "aînés", "numérique", "visite"),
        "Le 1er octobre, la journée internationale des personnes âgées rappelle qu'en France des centaines de milliers d'aînés "
        "vivent isolés. Une visite, un atelier numérique ou une sortie peuvent changer leur semaine.",
    ),
    _spotlight(
        "Journée mondiale du refus de la misère", date(2027, 10, 17), None,
        (_SOCIAL, _EMPLOYMENT), ("précarité", "pauvreté", "insertion", "emploi", "accès aux droits"),
        "Le 17 octobre, la journée mondiale du refus de la misère donne la parole aux personnes qui vivent la pauvreté. "
        "Aide aux démarches, accompagnement vers l'emploi, distribution alimentaire : chacun peut faire sa part.",
    ),
    _spotlight(
        "Journée internationale des droits de l'enfant", date(2027, 11, 20), None,
        (_CHILDHOOD, _EDUCATION, _RIGHTS), ("enfance", "éducation", "soutien scolaire", "parentalité"),
        "Le 20 novembre, on célèbre l'anniversaire de la Convention internationale des droits de l'enfant. "
        "Soutien scolaire, ateliers sciences ou lectures : donne un peu de ton temps pour que chaque enfant ait les mêmes chances.",
    ),
    _spotlight(
        "Semaine européenne de la réduction des déchets", date(2027, 11, 20), date(2027, 11, 28),
        (_ENVIRONMENT,), ("déchets", "réemploi", "réparation", "gaspillage", "recyclage"),
        "Fin novembre, la Semaine européenne de la réduction des déchets met à l'honneur le réemploi et la réparation. "
        "Ressourceries, ateliers de couture, collecte d'invendus : découvre les associations qui donnent une seconde vie aux objets.",
    ),
]
