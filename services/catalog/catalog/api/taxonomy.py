"""The catalogue's lists: themes, expertises, formats, regions and departments, general interest categories."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from .. import taxonomy
from ..schemas import TaxonomySchema

reference = Blueprint("taxonomy", __name__, url_prefix="/taxonomy", description="Les listes du catalogue.")


@reference.route("")
class Taxonomy(MethodView):
    @reference.response(200, TaxonomySchema)
    def get(self):
        """Thématiques, expertises, formats, régions et départements, catégories d'intérêt général."""
        return {
            "themes": list(taxonomy.THEMES),
            "professional_expertises": list(taxonomy.PROFESSIONAL_EXPERTISES),
            "personal_expertises": list(taxonomy.PERSONAL_EXPERTISES),
            "formats": dict(taxonomy.MISSION_FORMATS),
            "regions": list(taxonomy.REGIONS),
            "departments": [{"code": code, "name": name, "region": region} for code, name, region in taxonomy.DEPARTMENTS],
            "general_interest_categories": dict(taxonomy.GENERAL_INTEREST_CATEGORIES),
        }
