"""Issue #19 (7): a line break in a single-line field would start a new line in e-mails and PDFs."""
from datetime import timedelta

from tandem_shared.text_fields import SINGLE_LINE_MESSAGE

from .conftest import quiz_payload


def test_a_quiz_title_with_a_line_break_is_refused_and_its_introduction_keeps_its_lines(quizzes, today):
    refused = quizzes.client.post("/admin/quizzes", json=quiz_payload(today, title="Ton assiette\r\net le climat"), headers=quizzes.operator())
    assert refused.status_code == 422
    assert refused.get_json()["errors"]["title"] == [SINGLE_LINE_MESSAGE]
    quiz = quizzes.create(today + timedelta(days=1), introduction="Première ligne.\r\nDeuxième ligne.")
    assert quiz["introduction"] == "Première ligne.\nDeuxième ligne."
