"""Steps the training e2e tests share: documents, a catalogue, programmes and callers."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import TENANT, Api
from tests.e2e.steps import APPOINT, appointment, create_unit, nip_of
from tests.tokens import bearer

YEAR = 2026  # the sessions lie in the past of the test run's real clock
SESSIONS = [{"on": "2026-03-02", "minutes": 240}, {"on": "2026-03-03", "minutes": 240}]
JUNIOR_NIP = "199503142023022002"  # appointed Feb 2023: the mentee of the staff below
INSTITUTION = bearer("bpsdm-kalteng", "training_institution", TENANT)


def employee_headers(nip: str) -> dict[str, str]:
    """An ASN acting for themselves: their NIP is their user id."""
    return bearer(nip, "employee", TENANT, nip=nip)


def _mutation(name: str, input_type: str, id_field: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) "
        f"{{ {id_field} version position }} }}"
    )


ADD_COMPETENCY = _mutation("addCompetency", "AddCompetencyInput", "catalogueId")
SET_REQUIREMENTS = _mutation("setJabatanRequirements", "SetJabatanRequirementsInput", "catalogueId")
DEFINE = _mutation("defineProgramme", "DefineProgrammeInput", "programmeId")
NOMINATE = _mutation("nominateParticipant", "ParticipantInput", "programmeId")
APPLY = _mutation("applyForProgramme", "ParticipantInput", "programmeId")
ACCEPT = _mutation("acceptParticipant", "ParticipantInput", "programmeId")
WITHDRAW = _mutation("withdrawParticipant", "ParticipantInput", "programmeId")
ATTEND = _mutation("recordAttendance", "RecordAttendanceInput", "programmeId")
COMPLETE = _mutation("completeParticipant", "CompleteParticipantInput", "programmeId")
FINISH = _mutation("finishProgramme", "ProgrammeInput", "programmeId")
CANCEL = _mutation("cancelProgramme", "ProgrammeInput", "programmeId")
PAIR = _mutation("pairMentoring", "PairMentoringInput", "mentoringId")
LOG_MEETING = _mutation("logMentoringMeeting", "LogMeetingInput", "mentoringId")
COMPLETE_MENTORING = _mutation("completeMentoring", "CompleteMentoringInput", "mentoringId")
SUBMIT = _mutation("submitExternalLearning", "SubmitExternalLearningInput", "learningId")
RECOGNISE = _mutation("recogniseExternalLearning", "RecogniseExternalLearningInput", "learningId")
REFUSE = _mutation("refuseExternalLearning", "RefuseExternalLearningInput", "learningId")

TRAINING_YEAR = """query($nip: String!, $year: Int!) { trainingYear(nip: $nip, year: $year) {
  earned target status statusBasis byForm { key jp } byCompetency { key jp }
  credits { position jp form sourceKind title competencyCodes }
  history { seat jp certificateRef score programme { title } }
  mentorings { status loggedMinutes jp endPosition meetings { minutes } }
  externalLearning { title decision jp decisionReason decidedPosition }
} }"""


async def as_caller(api: Api, headers: dict[str, str], query: str, input: dict[str, Any]) -> Any:
    """Run a mutation as someone other than HR; it must succeed."""
    body = await api.graphql(query, {"input": input}, headers)
    assert "errors" not in body, body["errors"]
    [payload] = body["data"].values()
    api.last_position = max(api.last_position, payload["position"])
    return payload


async def office(api: Api, staff: int = 3) -> tuple[str, list[str]]:
    """A dinas with `staff` PNS and a catalogue of two competencies."""
    unit_id = await create_unit(api, "DISKOMINFO")
    for serial in range(1, staff + 1):
        await api.command(APPOINT, {"input": appointment(serial, unit_id)})
    for code, kind in (("DIGITAL-PELAYANAN", "TEKNIS"), ("KEPEMIMPINAN", "MANAJERIAL")):
        await api.command(
            ADD_COMPETENCY, {"input": {"code": code, "name": code.title(), "kind": kind}}
        )
    return unit_id, [nip_of(serial) for serial in range(1, staff + 1)]


async def define_programme(api: Api, capacity: int = 2, **changes: Any) -> str:
    """'Aplikasi Pelayanan Publik Digital', 8 hours for 10 JP, defined by the institution."""
    programme = {
        "title": "Aplikasi Pelayanan Publik Digital", "form": "PELATIHAN_KLASIKAL",
        "competencyCodes": ["DIGITAL-PELAYANAN"], "jp": 10, "provider": "BPSDM Kalteng",
        "capacity": capacity, "sessions": SESSIONS,
    } | changes  # fmt: skip
    payload = await as_caller(api, INSTITUTION, DEFINE, programme)
    return str(payload["programmeId"])


async def passes(api: Api, programme_id: str, nip: str, certificate: str) -> dict[str, Any]:
    """An accepted participant attends both sessions and passes with a certificate."""
    for session in (1, 2):
        await as_caller(
            api, INSTITUTION, ATTEND, {"programmeId": programme_id, "nip": nip, "session": session}
        )
    result = {
        "programmeId": programme_id, "nip": nip, "result": "PASSED", "score": 86.5,
        "completedOn": "2026-03-04", "certificateRef": certificate,
    }  # fmt: skip
    return dict(await as_caller(api, INSTITUTION, COMPLETE, result))
