"""What engagement loads only on first use (bench/README.md, P5 and P6): scim2-models (15 MiB, 0.35 s of import) with
the first SCIM call, zxcvbn's frequency lists (12 MiB) with the first password check, pysaml2 with the first SAML
exchange. A process that never does those does not carry them."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PROGRAM = textwrap.dedent('''
    import sys
    import {module}
    print(",".join(name for name in ("scim2_models", "zxcvbn", "saml2") if name in sys.modules))
''')


@pytest.mark.parametrize("module", ["engagement.app", "engagement.worker", "engagement.bootstrap"])
def test_starting_engagement_loads_neither_scim_nor_zxcvbn_nor_pysaml2(module):
    done = subprocess.run([sys.executable, "-c", PROGRAM.format(module=module)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_the_first_password_check_loads_zxcvbn_and_still_refuses_a_weak_password():
    program = textwrap.dedent('''
        import sys
        from engagement import domain
        assert "zxcvbn" not in sys.modules
        try:
            domain.check_password("azertyuiop123")
        except domain.DomainError as refused:
            print(refused.args[0])
        print("zxcvbn" in sys.modules)
    ''')
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    refusal, loaded = done.stdout.strip().splitlines()
    assert "trop" in refusal
    assert loaded == "True"
