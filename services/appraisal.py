"""AppraisalApplication: the service layer of appraisal cycles (PermenPANRB 6/2022).

Commands take the caller and plain values and return an `Outcome` (the aggregate, its version
and the log position of the last event), like `PersonnelApplication`, whose event log this
shares (`name = "Jejak"`). Who may do what:
- HR (`hr_officer`, `admin`): open a cycle, enrol, override an appraiser, record a mutasi,
  rate units, calibrate, assess potential, finalise; and pass on masyarakat ratings (the
  public portal calls as a service account of the tenant: there is no public role yet).
- An ASN acts in the `employee` role with their NIP as user id: the employee drafts the SKP,
  records evidence and objects; the appraiser approves, gives feedback and rates; the
  appraiser's superior decides an objection; peers and subordinates give feedback, their
  kind read from the cycle's roster, never from the caller.
- Everyone reads through the views here; only HR, auditors and the appraisal's appraiser and
  superior load a whole appraisal (its events name feedback givers, for audit).

Every command but the objection checks that the cycle is not finalised. Finalisation and the
distribution view load the appraisals of the roster one by one (once a year, by HR). The
feeder of `enrol` passes candidates and the unit tree from the read models; a tenant may enrol
unit by unit to keep each save small.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from domain.aggregates.appraisal_cycle import MUTASI, OVERRIDE, AppraisalCycle
from domain.aggregates.base import JejakAggregate
from domain.aggregates.employee_appraisal import EmployeeAppraisal
from domain.appraisal import (
    DEFAULT_MASYARAKAT_LIMIT,
    DEFAULT_UTC_OFFSET_HOURS,
    OBJECTION_WINDOW_DAYS,
    AppraiserChain,
    CycleSettings,
    EnrolmentCandidate,
    FeedbackSource,
    FeedbackView,
    HasilKerja,
    Period,
    Realisation,
    UnitNode,
    check_fingerprint,
    check_hasil_kerja,
    check_perilaku,
    check_skm_score,
    check_text,
    colleague_source,
    derive_appraisers,
    parse_choice,
)
from domain.errors import AlreadyExists, AppraisalForbidden, CycleNotFound
from domain.scoring import DistributionReport, OrgRating, Rating, Recomputation, recompute_predikats
from domain.talent import Potensial, TalentBox
from services.caller import AUDITORS, WRITERS, Caller, Role
from services.personnel import Outcome, utc_now
from services.retry import check_expected_version, retry_lost_races
from services.transcodings import register_jejak_transcodings

ASN = frozenset({Role.EMPLOYEE})
READERS = WRITERS | AUDITORS
Command = Callable[[AppraisalCycle, EmployeeAppraisal, datetime], Sequence[JejakAggregate]]


@dataclass(frozen=True)
class EmployeeView:
    """An appraisal as the appraised employee sees it: everything but who gave feedback."""

    nip: str
    appraiser: str | None
    skp_status: str | None
    hasil_kerja: list[dict[str, Any]]
    perilaku: dict[str, str]
    realisations: list[dict[str, Any]]
    ratings: dict[str, dict[str, Any]]
    predikat: dict[str, str]
    objection: str | None
    feedback: list[FeedbackView]
    talent_box: TalentBox | None


class AppraisalApplication(Application[UUID]):
    """Appraisal cycles and employee appraisals, in the one Jejak event log."""

    name = "Jejak"  # shared by every Jejak application: one table, one notification log
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        AppraisalCycle: 20,
        EmployeeAppraisal: 50,
    }

    def __init__(
        self, env: dict[str, str] | None = None, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(env)
        self.clock = clock

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_jejak_transcodings(transcoder)

    # --- the cycle (HR) -------------------------------------------------------------------
    def open_cycle(
        self,
        caller: Caller,
        *,
        year: int,
        period: str,
        unit_ids: Sequence[UUID],
        objection_window_days: int = OBJECTION_WINDOW_DAYS,
        masyarakat_limit: int = DEFAULT_MASYARAKAT_LIMIT,
        utc_offset_hours: int = DEFAULT_UTC_OFFSET_HOURS,
        most_is_plurality: bool = False,
        reason: str | None = None,
    ) -> Outcome:
        """Open the tenant's cycle for a year with its checkpoints and participating units."""
        caller.require(WRITERS, "Opening an appraisal cycle")
        settings = CycleSettings(
            parse_choice(Period, period, "period"),
            objection_window_days,
            masyarakat_limit,
            utc_offset_hours,
            most_is_plurality,
        )
        cycle = AppraisalCycle.open(
            year=year,
            unit_ids=unit_ids,
            settings=settings,
            at=self.clock(),
            meta=caller.meta(reason),
        )
        try:
            return self._outcome(cycle, self.save(cycle))
        except IntegrityError:
            raise AlreadyExists(f"{caller.tenant} has a {year} cycle already.") from None

    def enrol(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        candidates: Sequence[EnrolmentCandidate],
        units: Sequence[UnitNode],
        reason: str | None = None,
    ) -> Outcome:
        """Enrol the candidates of participating units, with appraisers derived from the tree."""
        caller.require(WRITERS, "Enrolling employees")
        chains = derive_appraisers(candidates, units)

        def enrol(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            meta = caller.meta(reason)
            new = cycle.enrol(candidates, chains, at, meta)
            settings, year = cycle.settings, cycle.year
            return [cycle] + [
                EmployeeAppraisal.enrol(cycle.id, year, settings, entry, at, meta) for entry in new
            ]

        return self._change_cycle(caller, cycle_id, enrol)

    def override_appraiser(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        appraiser: str | None,
        superior: str | None,
        reason: str,
    ) -> Outcome:
        """Set an employee's appraiser and superior by hand (NIP or user id), with a reason."""
        caller.require(WRITERS, "Overriding an appraiser")
        return self._reassign(
            caller, cycle_id, employee_id, OVERRIDE, None, appraiser, superior, reason
        )

    def record_mutasi(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        to_unit_id: UUID,
        appraiser: str | None,
        superior: str | None,
        reason: str | None = None,
    ) -> Outcome:
        """Move an employee to another participating unit and appraiser; the SKP reopens."""
        caller.require(WRITERS, "Recording a mutasi in a cycle")
        return self._reassign(
            caller, cycle_id, employee_id, MUTASI, to_unit_id, appraiser, superior, reason
        )

    def _reassign(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        cause: str,
        unit_id: UUID | None,
        appraiser: str | None,
        superior: str | None,
        reason: str | None,
    ) -> Outcome:
        chain = AppraiserChain(appraiser or None, superior or None)

        def reassign(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            meta, unit = caller.meta(reason), unit_id or appraisal.unit_id
            cycle.change_appraiser(employee_id, cause, unit, chain, at, meta)
            appraisal.change_appraiser(cause, unit, chain.appraiser, chain.superior, at, meta)
            return [appraisal, cycle]

        return self._change(caller, cycle_id, employee_id, None, reassign)

    def rate_organisation(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        unit_id: UUID,
        rating: str,
        reason: str | None = None,
    ) -> Outcome:
        """Record a unit's predikat kinerja organisasi (changing it needs a reason)."""
        caller.require(WRITERS, "Rating a unit")
        org_rating = parse_choice(OrgRating, rating, "organisation rating")

        def rate(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            cycle.rate_organisation(unit_id, org_rating, at, caller.meta(reason))
            return [cycle]

        return self._change_cycle(caller, cycle_id, rate)

    def finalise(self, caller: Caller, *, cycle_id: UUID, reason: str | None = None) -> Outcome:
        """Lock the cycle once every unit is rated and in band; results count as received."""
        caller.require(WRITERS, "Finalising a cycle")

        def finalise(cycle: AppraisalCycle, at: datetime) -> Sequence[JejakAggregate]:
            cycle.finalise(self._annual_predikats(cycle), at, caller.meta(reason))
            return [cycle]

        return self._change_cycle(caller, cycle_id, finalise)

    # --- planning -------------------------------------------------------------------------
    def draft_skp(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        hasil_kerja: Sequence[HasilKerja],
        perilaku: Mapping[str, str],
        expected_version: int | None = None,
    ) -> Outcome:
        """The employee (or appraiser) drafts the SKP: hasil kerja rows, BerAKHLAK expectations."""
        caller.require(ASN, "Drafting an SKP")
        rows, expectations = check_hasil_kerja(hasil_kerja), check_perilaku(perilaku)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.draft_skp(rows, expectations, at, caller.meta()),
        )

    def approve_skp(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """The appraiser approves the SKP (after 31 January only with a reason)."""
        caller.require(ASN, "Approving an SKP")
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.approve_skp(at, caller.meta(reason)),
        )

    # --- execution ------------------------------------------------------------------------
    def record_realisation(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        row: int,
        realisation: str,
        note: str = "",
        evidence_link: str | None = None,
        evidence_document: str | None = None,
    ) -> Outcome:
        """The employee records a realisation of an SKP row with its bukti dukung."""
        caller.require(ASN, "Recording a realisation")
        done = Realisation(row, realisation.strip(), evidence_link, evidence_document, note.strip())
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.record_realisation(done, at, caller.meta()),
        )

    def give_row_feedback(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        row: int,
        text: str,
        behaviour: str | None = None,
    ) -> Outcome:
        """The appraiser's continuous feedback on one hasil kerja row."""
        caller.require(ASN, "Giving feedback")
        text = check_text(text, "Feedback")
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.give_feedback(
                FeedbackSource.APPRAISER, text, row, behaviour, at, caller.meta()
            ),
        )

    def give_colleague_feedback(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        text: str,
        behaviour: str | None = None,
    ) -> Outcome:
        """Feedback on perilaku from a peer (same unit) or subordinate, as the roster tells."""
        caller.require(ASN, "Giving feedback")
        text = check_text(text, "Feedback")

        def give(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            giver = cycle.enrolment_by_nip(caller.actor.user_id)
            source = giver and colleague_source(giver, cycle.enrolment(employee_id))
            if not source:
                raise AppraisalForbidden("Only peers in the unit and subordinates give feedback.")
            appraisal.give_feedback(source, text, None, behaviour, at, caller.meta())
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, give)

    def receive_masyarakat_rating(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        fingerprint: str,
        score: int,
        comment: str | None = None,
    ) -> Outcome:
        """A service user's anonymous SKM rating (1–4), rate-limited per source fingerprint."""
        caller.require(WRITERS, "Receiving a masyarakat rating")
        token, score = check_fingerprint(fingerprint), check_skm_score(score)
        comment = check_text(comment, "A comment", 1, 1000) if comment else None
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.receive_masyarakat_rating(token, score, comment, at, caller.meta()),
        )

    # --- assessment -----------------------------------------------------------------------
    def rate(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        checkpoint: str,
        hasil_kerja: str,
        perilaku_kerja: str,
        justification: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Outcome:
        """The appraiser rates hasil kerja and perilaku kerja for a checkpoint (or ANNUAL)."""
        caller.require(ASN, "Rating an employee")
        hasil, perilaku = _ratings(hasil_kerja, perilaku_kerja)
        why = check_text(justification, "A justification", 10)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.rate(checkpoint, hasil, perilaku, why, at, caller.meta(reason)),
        )

    def calibrate(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        hasil_kerja: str,
        perilaku_kerja: str,
        reason: str,
        expected_version: int | None = None,
    ) -> Outcome:
        """A calibrator (HR) changes the annual ratings, with a reason."""
        caller.require(WRITERS, "Calibrating a rating")
        hasil, perilaku = _ratings(hasil_kerja, perilaku_kerja)
        return self._command(
            caller,
            cycle_id,
            employee_id,
            expected_version,
            lambda a, at: a.calibrate(hasil, perilaku, at, caller.meta(reason)),
        )

    def assess_potential(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        potensial: str,
        reason: str | None = None,
    ) -> Outcome:
        """Record a potential assessment (RENDAH, MENENGAH, TINGGI) for the 9-box."""
        caller.require(WRITERS, "Assessing potential")
        level = parse_choice(Potensial, potensial, "potensial")
        return self._command(
            caller,
            cycle_id,
            employee_id,
            None,
            lambda a, at: a.assess_potential(level, at, caller.meta(reason)),
        )

    # --- objection (after finalisation) -----------------------------------------------------
    def file_objection(
        self, caller: Caller, *, cycle_id: UUID, employee_id: UUID, reasons: str
    ) -> Outcome:
        """The employee objects to the annual result within the window after finalisation."""
        caller.require(ASN, "Filing an objection")
        reasons = check_text(reasons, "The reasons of an objection", 10)

        def file(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            appraisal.file_objection(reasons, cycle.finalised_on, at, caller.meta())
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, file, locked_ok=True)

    def decide_objection(
        self,
        caller: Caller,
        *,
        cycle_id: UUID,
        employee_id: UUID,
        upheld: bool,
        reason: str,
        hasil_kerja: str | None = None,
        perilaku_kerja: str | None = None,
    ) -> Outcome:
        """The appraiser's superior upholds (with new ratings) or rejects; the decision is final."""
        caller.require(ASN, "Deciding an objection")
        hasil = parse_choice(Rating, hasil_kerja, "rating") if hasil_kerja else None
        perilaku = parse_choice(Rating, perilaku_kerja, "rating") if perilaku_kerja else None

        def decide(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            appraisal.decide_objection(upheld, hasil, perilaku, at, caller.meta(reason))
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, None, decide, locked_ok=True)

    # --- views ------------------------------------------------------------------------------
    def get_cycle(self, caller: Caller, cycle_id: UUID) -> AppraisalCycle:
        """Load a cycle of the caller's tenant, or raise CycleNotFound."""
        try:
            cycle: AppraisalCycle = self.repository.get(cycle_id)
        except AggregateNotFoundError:
            raise CycleNotFound(f"No appraisal cycle {cycle_id}.") from None
        if cycle.tenant != caller.tenant:
            raise CycleNotFound(f"No appraisal cycle {cycle_id} in {caller.tenant}.")
        return cycle

    def get_appraisal(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> EmployeeAppraisal:
        """The whole appraisal, givers included: for HR, auditors, its appraiser and superior."""
        appraisal = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, appraisal, "appraiser", "superior")
        return appraisal

    def employee_view(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> EmployeeView:
        """The appraisal as the employee sees it: feedback by kind, never by giver."""
        a = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, a, "employee")
        return EmployeeView(
            a.nip,
            a.appraiser,
            a.skp_status,
            a.hasil_kerja,
            a.perilaku,
            a.realisations,
            a.ratings,
            a.predikat,
            a.objection,
            a.feedback_seen_by_employee(),
            a.talent_box(),
        )

    def recompute(self, caller: Caller, cycle_id: UUID, employee_id: UUID) -> list[Recomputation]:
        """Every recorded predikat of an appraisal beside a recomputation from its events."""
        appraisal = self._appraisal(self.get_cycle(caller, cycle_id), employee_id)
        self._check_reads(caller, appraisal, "employee", "appraiser", "superior")
        return recompute_predikats(self.events.get(appraisal.id))

    @staticmethod
    def _check_reads(caller: Caller, appraisal: EmployeeAppraisal, *parties: str) -> None:
        """HR and auditors read every appraisal; an ASN only as one of `parties` of it."""
        people = {"employee": appraisal.nip, "appraiser": appraisal.appraiser}
        people["superior"] = appraisal.superior
        if caller.actor.role in READERS:
            return
        if caller.actor.user_id not in {people[party] for party in parties}:
            raise AppraisalForbidden(f"This view of {appraisal.nip} is for: {', '.join(parties)}.")

    def unit_distribution(
        self, caller: Caller, cycle_id: UUID, unit_id: UUID
    ) -> DistributionReport:
        """A unit's annual predikat counted against its band, for calibration (HR, auditors)."""
        caller.require(READERS, "Reading a unit's distribution")
        cycle = self.get_cycle(caller, cycle_id)
        cycle.check_unit_participates(unit_id)
        return cycle.unit_distribution(unit_id, self._annual_predikats(cycle, unit_id))

    # --- the one way appraisals change ----------------------------------------------------
    def _command(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        expected_version: int | None,
        command: Callable[[EmployeeAppraisal, datetime], object],
    ) -> Outcome:
        def run(
            cycle: AppraisalCycle, appraisal: EmployeeAppraisal, at: datetime
        ) -> Sequence[JejakAggregate]:
            command(appraisal, at)
            return [appraisal]

        return self._change(caller, cycle_id, employee_id, expected_version, run)

    def _change(
        self,
        caller: Caller,
        cycle_id: UUID,
        employee_id: UUID,
        expected_version: int | None,
        command: Command,
        *,
        locked_ok: bool = False,
    ) -> Outcome:
        """Load, check the lock and the expected version, run the command, save; retry a race.

        The first aggregate the command returns is the one the Outcome describes.
        """

        def attempt() -> Outcome:
            cycle = self.get_cycle(caller, cycle_id)
            if not locked_ok:
                cycle.check_is_open()
            appraisal = self._appraisal(cycle, employee_id)
            subject = f"The appraisal of {appraisal.nip}"
            check_expected_version(subject, appraisal.version, expected_version)
            changed = command(cycle, appraisal, self.clock())
            return self._outcome(changed[0], self.save(*changed))

        return retry_lost_races(
            attempt, subject="The appraisal", strict=expected_version is not None
        )

    def _change_cycle(
        self,
        caller: Caller,
        cycle_id: UUID,
        command: Callable[[AppraisalCycle, datetime], Sequence[JejakAggregate]],
    ) -> Outcome:
        def attempt() -> Outcome:
            cycle = self.get_cycle(caller, cycle_id)
            return self._outcome(cycle, self.save(*command(cycle, self.clock())))

        return retry_lost_races(attempt, subject="The cycle", strict=False)

    def _appraisal(self, cycle: AppraisalCycle, employee_id: UUID) -> EmployeeAppraisal:
        cycle.enrolment(employee_id)  # AppraisalNotFound unless enrolled
        appraisal: EmployeeAppraisal = self.repository.get(
            EmployeeAppraisal.id_for(cycle.id, employee_id)
        )
        return appraisal

    def _annual_predikats(
        self, cycle: AppraisalCycle, unit_id: UUID | None = None
    ) -> dict[UUID, Any]:
        return {e: self._appraisal(cycle, e).annual_predikat() for e in cycle.employee_ids(unit_id)}

    @staticmethod
    def _outcome(aggregate: JejakAggregate, recordings: Sequence[Any]) -> Outcome:
        return Outcome(aggregate.id, aggregate.version, recordings[-1].notification.id)


def _ratings(hasil_kerja: str, perilaku_kerja: str) -> tuple[Rating, Rating]:
    return parse_choice(Rating, hasil_kerja, "rating"), parse_choice(
        Rating, perilaku_kerja, "rating"
    )
