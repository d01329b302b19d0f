"""The catalog's demo data for the embedded mode's first start: associations, missions and l'actu solidaire."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

import sqlalchemy as sa

from tandem_shared.runtime import ServiceRuntime
from tandem_shared.timeutil import utcnow

from . import demo_content, domain, events, images, taxonomy
from .demo_logos import logo_png
from .models import Association, Mission, Spotlight

OPERATOR = "demo-loader"


def load_demo_data(runtime: ServiceRuntime, settings) -> bool:
    """Load the demo content once (nothing happens when any association exists); publishes as the API would."""
    with runtime.unit_of_work() as uow:
        if uow.session.scalar(sa.select(sa.func.count()).select_from(Association)):
            return False
        now = utcnow()
        by_name: dict[str, Association] = {}
        for entry in demo_content.ASSOCIATIONS:
            association = Association(
                id=entry["id"], name=entry["name"], rna=entry.get("rna"), siren=entry.get("siren"), address=entry["address"],
                city=entry["city"], department=entry["department"], region=taxonomy.region_of_department(entry["department"]),
                website=entry.get("website"), contact_email=entry["referent"]["email"], themes=list(entry["themes"]),
                description=entry["description"], representative_name=entry["representative_name"],
                representative_title=entry["representative_title"], general_interest_category=entry["general_interest_category"],
                vetting_status=domain.VettingStatus.APPROVED, vetted_at=now, vetted_by=OPERATOR, created_at=now, updated_at=now,
            )
            uow.session.add(association)
            by_name[association.name] = association
        uow.session.flush()
        # Every demo association shows a logo (its initials on a colour); the missions show their theme's illustration.
        for index, association in enumerate(by_name.values()):
            images.set_logo(uow, association, images.prepare_logo(logo_png(association.name, index)))
        for association in by_name.values():
            events.association_changed(uow, events.ASSOCIATION_APPROVED, association)
        for index, entry in enumerate(demo_content.MISSIONS):
            association = by_name[entry["association"]]
            referent = next(a["referent"] for a in demo_content.ASSOCIATIONS if a["name"] == association.name)
            # Spread publication over the weeks before the first start, so "most recent first" means something; none
            # is news when announced, so nobody gets an alert for the demo's own catalogue (notifier's NEWS_WINDOW).
            published = now - timedelta(days=2, hours=6 * index)
            mission = Mission(
                id=entry["id"], association_id=association.id, association=association, title=entry["title"],
                description=entry["description"], themes=list(entry["themes"]),
                professional_expertises=list(entry["professional_expertises"]), personal_expertises=list(entry["personal_expertises"]),
                format=entry["format"], duration=entry["duration"], address=entry["address"], city=entry["city"],
                department=entry["department"], region=taxonomy.region_of_department(entry["department"]),
                remote_possible=entry["remote_possible"], places=entry["places"], all_jobs=entry["all_jobs"],
                open_to_all_companies=entry.get("open_to_all_companies", True),
                contact_name=f"{referent['first_name']} {referent['last_name']}", contact_email=referent["email"],
                contact_phone=referent.get("phone"), status=entry["status"], created_by=OPERATOR,
                created_at=published, updated_at=published,
                published_at=published if entry["status"] != domain.MissionStatus.DRAFT else None,
                closed_at=now if entry["status"] == domain.MissionStatus.CLOSED else None,
            )
            uow.session.add(mission)
            uow.session.flush()
            if mission.status == domain.MissionStatus.PUBLISHED:
                events.mission_changed(uow, events.MISSION_PUBLISHED, mission, settings.public_url)
        for entry in demo_content.SPOTLIGHTS:
            uow.session.add(Spotlight(
                id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-spotlight:{entry['title']}")), title=entry["title"],
                starts_on=date.fromisoformat(entry["date"]), ends_on=date.fromisoformat(entry["end_date"]) if entry.get("end_date") else None,
                description=entry["description"], themes=list(entry["themes"]), keywords=list(entry["keywords"]),
                company_id=None, created_by=OPERATOR, created_at=now, updated_at=now,
            ))
    return True
