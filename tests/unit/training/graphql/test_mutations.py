"""Every training mutation runs its TrainingApplication command and answers with its position."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.aggregates.training import Training
from services.training import TrainingApplication
from tests.unit.training.conftest import JUNIOR_NIP, SENIOR_NIP, THIRD_NIP, log_head
from tests.unit.training.graphql.conftest import TrainingRuntime, codes, context, payload, run


def mutation(name: str, input_type: str, id_field: str) -> str:
    return f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ {id_field} version position }} }}"


ADD = mutation("addCompetency", "AddCompetencyInput", "catalogueId")
REQUIRE = mutation("setJabatanRequirements", "SetJabatanRequirementsInput", "catalogueId")
DEFINE = mutation("defineProgramme", "DefineProgrammeInput", "programmeId")
SEAT = {
    name: mutation(name, "ParticipantInput", "programmeId")
    for name in ("nominateParticipant", "applyForProgramme", "acceptParticipant",
                 "rejectParticipant", "withdrawParticipant")
}  # fmt: skip
ATTEND = mutation("recordAttendance", "RecordAttendanceInput", "programmeId")
COMPLETE = mutation("completeParticipant", "CompleteParticipantInput", "programmeId")
FINISH = mutation("finishProgramme", "ProgrammeInput", "programmeId")
CANCEL = mutation("cancelProgramme", "ProgrammeInput", "programmeId")
PAIR = mutation("pairMentoring", "PairMentoringInput", "mentoringId")
MEET = mutation("logMentoringMeeting", "LogMeetingInput", "mentoringId")
COMPLETE_MENTORING = mutation("completeMentoring", "CompleteMentoringInput", "mentoringId")
END_EARLY = mutation("endMentoringEarly", "EndMentoringEarlyInput", "mentoringId")
SUBMIT = mutation("submitExternalLearning", "SubmitExternalLearningInput", "learningId")
RECOGNISE = mutation("recogniseExternalLearning", "RecogniseExternalLearningInput", "learningId")
REFUSE = mutation("refuseExternalLearning", "RefuseExternalLearningInput", "learningId")
SESSIONS = [{"on": "2025-05-05", "minutes": 180}, {"on": "2025-05-06", "minutes": 180}]


async def hr(runtime: TrainingRuntime, document: str, **input: Any) -> dict[str, Any]:
    return payload(await run(context(runtime), document, {"i": input}))


async def catalogue(runtime: TrainingRuntime) -> None:
    await hr(runtime, ADD, code="DIGITAL", name="Layanan digital", kind="TEKNIS")


async def programme(runtime: TrainingRuntime, **changes: Any) -> str:
    await catalogue(runtime)
    programme = {"title": "Aplikasi Pelayanan Publik", "form": "PELATIHAN_KLASIKAL",
                 "competencyCodes": ["DIGITAL"], "jp": 8, "provider": "Politeknik",
                 "capacity": 1, "sessions": SESSIONS} | changes  # fmt: skip
    return str((await hr(runtime, DEFINE, **programme))["programmeId"])


async def test_every_programme_mutation_returns_the_position_of_its_last_event(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    programme_id = await programme(runtime)
    seat = {"programmeId": programme_id}
    positions = [
        (await hr(runtime, SEAT["nominateParticipant"], **seat, nip=SENIOR_NIP))["position"],
        (await hr(runtime, SEAT["nominateParticipant"], **seat, nip=THIRD_NIP))["position"],
        (await hr(runtime, SEAT["acceptParticipant"], **seat, nip=SENIOR_NIP))["position"],
        (await hr(runtime, SEAT["rejectParticipant"], **seat, nip=THIRD_NIP, reason="Kuota"))[
            "position"
        ],
        (await hr(runtime, ATTEND, **seat, nip=SENIOR_NIP, session=1))["position"],
        (await hr(runtime, ATTEND, **seat, nip=SENIOR_NIP, session=2))["position"],
        (await hr(runtime, COMPLETE, **seat, nip=SENIOR_NIP, result="PASSED", score=90,
                  completedOn="2025-05-07", certificateRef="SERT-1"))["position"],
        (await hr(runtime, FINISH, **seat))["position"],
    ]  # fmt: skip
    assert positions == sorted(positions)
    assert positions[-1] == log_head(app)


async def test_an_employee_applies_and_withdraws_for_themselves(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    programme_id = await programme(runtime)
    me = context(runtime, role="employee", user=JUNIOR_NIP)
    entry = {"programmeId": programme_id, "nip": JUNIOR_NIP}
    payload(await run(me, SEAT["applyForProgramme"], {"i": entry}))
    withdrawn = payload(
        await run(me, SEAT["withdrawParticipant"], {"i": entry | {"reason": "Sakit"}})
    )
    assert withdrawn["position"] == log_head(app)


async def test_cancelling_a_programme_returns_its_position(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    programme_id = await programme(runtime)
    cancelled = await hr(runtime, CANCEL, programmeId=programme_id, reason="Anggaran dipotong")
    assert (cancelled["version"], cancelled["position"]) == (2, log_head(app))


async def test_the_catalogue_mutations_return_the_catalogue_and_its_version(
    runtime: TrainingRuntime,
) -> None:
    await catalogue(runtime)
    required = await hr(runtime, REQUIRE, jabatanTitle="Analis SDM", competencyCodes=["DIGITAL"])
    assert required["version"] == 3  # opened, competency added, requirements set


async def test_mentoring_mutations_pair_log_and_end(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    pairing = {"mentorNip": SENIOR_NIP, "menteeNip": JUNIOR_NIP, "startsOn": "2025-03-03",
               "endsOn": "2025-05-30", "goals": ["Orientasi tugas"]}  # fmt: skip
    mentoring_id = (await hr(runtime, PAIR, **pairing))["mentoringId"]
    meeting = {"mentoringId": mentoring_id, "heldOn": "2025-03-10", "minutes": 90, "topic": "SOP"}
    payload(await run(context(runtime, "employee", SENIOR_NIP), MEET, {"i": meeting}))
    completed = await hr(
        runtime, COMPLETE_MENTORING, mentoringId=mentoring_id, completedOn="2025-05-30"
    )
    assert completed["position"] == log_head(app)
    second = (await hr(runtime, PAIR, **pairing | {"endsOn": "2025-12-31"}))["mentoringId"]
    ended = payload(
        await run(
            context(runtime, "employee", JUNIOR_NIP), END_EARLY,
            {"i": {"mentoringId": second, "endedOn": "2025-06-01", "reason": "Mutasi"}},
        )
    )  # fmt: skip
    assert ended["position"] == log_head(app)


async def test_external_learning_mutations_submit_recognise_and_refuse(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    learning = {"nip": JUNIOR_NIP, "title": "Kursus daring", "form": "E_LEARNING",
                "provider": "LAN", "completedOn": "2025-05-20", "minutes": 100,
                "evidenceRef": "lan/1"}  # fmt: skip
    me = context(runtime, "employee", JUNIOR_NIP)
    first = payload(await run(me, SUBMIT, {"i": learning}))["learningId"]
    second = payload(await run(me, SUBMIT, {"i": learning}))["learningId"]
    recognised = await hr(runtime, RECOGNISE, learningId=first, jp=2)
    refused = await hr(runtime, REFUSE, learningId=second, reason="Ganda")
    assert recognised["position"] < refused["position"] == log_head(app)


async def test_a_full_programme_waitlists_instead_of_accepting(runtime: TrainingRuntime) -> None:
    programme_id = await programme(runtime, capacity=1)
    for nip in (SENIOR_NIP, THIRD_NIP):
        await hr(runtime, SEAT["nominateParticipant"], programmeId=programme_id, nip=nip)
        await hr(runtime, SEAT["acceptParticipant"], programmeId=programme_id, nip=nip)
    training = runtime.training.get(context(runtime).caller, Training, UUID(programme_id))
    assert len(training.waitlist) == 1


async def test_domain_refusals_reach_the_client_as_typed_codes_and_record_nothing(
    runtime: TrainingRuntime, app: TrainingApplication
) -> None:
    programme_id = await programme(runtime)
    before = log_head(app)
    seat = {"programmeId": programme_id, "nip": SENIOR_NIP}
    refusals = [
        (context(runtime), SEAT["acceptParticipant"], seat, "PARTICIPANT_NOT_ELIGIBLE"),
        (context(runtime), SEAT["rejectParticipant"], seat, "PARTICIPANT_NOT_ELIGIBLE"),
        (context(runtime, "supervisor", "kabid-1"), FINISH, {"programmeId": programme_id},
         "FORBIDDEN"),
        (context(runtime, "training_institution", "bpsdm"), PAIR,
         {"mentorNip": SENIOR_NIP, "menteeNip": JUNIOR_NIP, "startsOn": "2025-03-03",
          "endsOn": "2025-05-30", "goals": ["X1"]}, "FORBIDDEN"),
        (context(runtime), SEAT["nominateParticipant"],
         seat | {"programmeId": "00000000-0000-0000-0000-000000000001"}, "PROGRAMME_NOT_FOUND"),
        (context(runtime), SEAT["nominateParticipant"], seat | {"programmeId": "nope"},
         "INVALID_ARGUMENT"),
        (context(runtime), DEFINE,
         {"title": "X programme", "form": "KURSUS", "competencyCodes": ["NOT-THERE"], "jp": 1,
          "provider": "LAN", "capacity": 1, "sessions": SESSIONS}, "UNKNOWN_COMPETENCY"),
    ]  # fmt: skip
    for ctx, document, input, code in refusals:
        assert codes(await run(ctx, document, {"i": input})) == [code], document
    assert log_head(app) == before


async def test_completion_without_attendance_is_attendance_insufficient(
    runtime: TrainingRuntime,
) -> None:
    programme_id = await programme(runtime)
    seat = {"programmeId": programme_id, "nip": SENIOR_NIP}
    await hr(runtime, SEAT["nominateParticipant"], **seat)
    await hr(runtime, SEAT["acceptParticipant"], **seat)
    result = await run(
        context(runtime), COMPLETE,
        {"i": seat | {"result": "PASSED", "score": 80, "completedOn": "2025-05-07",
                      "certificateRef": "SERT-2"}},
    )  # fmt: skip
    assert codes(result) == ["ATTENDANCE_INSUFFICIENT"]


async def test_a_programme_with_an_unpassed_prerequisite_refuses_entry(
    runtime: TrainingRuntime,
) -> None:
    basic = await programme(runtime)
    advanced = await hr(
        runtime, DEFINE, title="Lanjutan", form="KURSUS", competencyCodes=["DIGITAL"], jp=8,
        provider="LAN", capacity=5, sessions=SESSIONS, prerequisiteIds=[basic],
    )  # fmt: skip
    result = await run(
        context(runtime), SEAT["nominateParticipant"],
        {"i": {"programmeId": advanced["programmeId"], "nip": THIRD_NIP}},
    )  # fmt: skip
    assert codes(result) == ["PREREQUISITES_NOT_MET"]
