"""The offline verifier against bundles a lying server made: every forgery is rejected.

Each bundle starts from a real tree (domain.ledger.merkle) over a real appraisal's stored events;
the lie is the only thing changed. immudb's 2022 advisory (GHSA-672p-m5jq-mrh8: a malicious
server's falsified proof accepted by the client) is why: a verifier is only as good as the worst
proof it accepts, so it must rebuild everything from the bytes and the signed root.
"""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import replace
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from domain.ledger.bundle import Verification, verify_bundle
from domain.ledger.merkle import inclusion_path, leaf_hash
from domain.ledger.notes import CosignatureSigner, NoteSigner, add_signatures, cosign
from tests.unit.ledger.appraisal_bundle import LedgerScene
from tests.unit.ledger.toy_log import ORIGIN


@pytest.fixture(scope="module")
def scene() -> LedgerScene:
    return LedgerScene()


def _verify(scene: LedgerScene, bundle: dict[str, Any], quorum: int = 2, **kw: Any) -> Verification:
    return verify_bundle(bundle, scene.log.verifier(), scene.witness_verifiers(), quorum, **kw)


def _rejected(result: Verification, words: str) -> None:
    assert not result.ok
    assert result.failure is not None
    assert words in result.failure, result.failure


def _edit_state(event: dict[str, Any], **fields: Any) -> None:
    state = json.loads(base64.b64decode(event["state"]))
    state.update(fields)
    event["state"] = base64.b64encode(json.dumps(state).encode()).decode()


def _predikat_event(bundle: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in bundle["events"] if e["topic"].endswith("PredikatComputed"))


def test_the_honest_bundle_verifies(scene: LedgerScene) -> None:
    result = _verify(scene, scene.bundle())
    assert result.ok, result.failure
    assert result.events == len(scene.events)
    assert [p["recorded"] == p["recomputed"] for p in result.predikats] == [True] * 3


def test_a_wrong_sibling_in_a_proof_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    proof = bundle["events"][2]["inclusion_proof"]
    proof[1] = base64.b64encode(leaf_hash(b"a sibling from nowhere")).decode()
    _rejected(_verify(scene, bundle), "not included in the signed tree")


def test_a_wrong_leaf_index_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    bundle["events"][0]["leaf_index"] += 1
    _rejected(_verify(scene, bundle), "not included")


def test_a_proof_for_another_tree_size_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    event = bundle["events"][1]
    smaller = scene.leaves[: scene.size - 3]  # the proof the server had for an older tree
    path = inclusion_path(smaller, event["leaf_index"])
    event["inclusion_proof"] = [base64.b64encode(h).decode() for h in path]
    bundle["tree_size"] = len(smaller)  # a stated size is not the signed one, and is ignored
    _rejected(_verify(scene, bundle), "not included")


def test_a_root_from_another_tree_is_rejected(scene: LedgerScene) -> None:
    other = list(scene.leaves)
    other[0] = leaf_hash(b"another history")
    note = scene.note(scene.checkpoint(other))  # even signed and cosigned: the proofs fail
    _rejected(_verify(scene, scene.bundle(note)), "not included")


def test_a_checkpoint_signed_by_another_key_is_rejected(scene: LedgerScene) -> None:
    impostor = NoteSigner(ORIGIN, Ed25519PrivateKey.generate())
    note = impostor.sign(scene.checkpoint().body())
    _rejected(_verify(scene, scene.bundle(note), quorum=0), "not signed by the log's key")


def test_too_few_cosignatures_are_rejected(scene: LedgerScene) -> None:
    _rejected(_verify(scene, scene.bundle(scene.note(witnesses=1))), "only 1 of the required 2")


def test_a_cosignature_over_a_different_checkpoint_does_not_count(scene: LedgerScene) -> None:
    older = scene.checkpoint(scene.leaves[:-1])
    note = scene.log.sign(scene.checkpoint().body())
    moved = [cosign(older, w, 1_760_000_000) for w in scene.witnesses]
    _rejected(_verify(scene, scene.bundle(add_signatures(note, moved))), "only 0 of")


def test_a_cosignature_by_an_unknown_key_never_counts_towards_the_quorum(
    scene: LedgerScene,
) -> None:
    note = scene.log.sign(scene.checkpoint().body())
    stranger = CosignatureSigner("stranger.example/w", Ed25519PrivateKey.generate())
    namesake = CosignatureSigner(scene.witnesses[1].name, Ed25519PrivateKey.generate())
    lines = [cosign(note, w, 1) for w in (scene.witnesses[0], stranger, namesake)]
    lines.append(cosign(note, scene.witnesses[0], 2))  # the same witness twice counts once
    result = _verify(scene, scene.bundle(add_signatures(note, lines)))
    _rejected(result, "only 1 of the required 2")


def test_a_quorum_larger_than_the_witness_keys_given_is_refused(scene: LedgerScene) -> None:
    _rejected(_verify(scene, scene.bundle(), quorum=4), "cannot be met")


def test_two_checkpoints_of_one_size_with_different_roots_are_a_split_view(
    scene: LedgerScene,
) -> None:
    other = list(scene.leaves)
    other[-1] = leaf_hash(b"what someone else was shown")
    seen_elsewhere = scene.log.sign(scene.checkpoint(other).body())
    result = _verify(scene, scene.bundle(), known_checkpoints=[seen_elsewhere])
    _rejected(result, "split view")


def test_a_checkpoint_seen_before_at_another_size_is_no_split_view(scene: LedgerScene) -> None:
    older = scene.log.sign(scene.checkpoint(scene.leaves[:-2]).body())
    assert _verify(scene, scene.bundle(), known_checkpoints=[older]).ok


def test_an_event_whose_state_was_edited_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    _edit_state(_predikat_event(bundle), predikat="SANGAT_BAIK")
    _rejected(_verify(scene, bundle), "not included")


def test_an_edit_with_the_old_leaf_hash_stated_beside_it_is_still_rejected(
    scene: LedgerScene,
) -> None:
    # immudb's lesson: a hash the server states is never used in place of recomputing it
    bundle = scene.bundle()
    event = _predikat_event(bundle)
    event["leaf_hash"] = base64.b64encode(scene.leaves[event["leaf_index"]]).decode()
    bundle["root"] = base64.b64encode(scene.checkpoint().root).decode()
    _edit_state(event, predikat="SANGAT_BAIK")
    _rejected(_verify(scene, bundle), "not included")


def test_a_proof_with_an_extra_node_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    bundle["events"][0]["inclusion_proof"].append(base64.b64encode(bytes(32)).decode())
    _rejected(_verify(scene, bundle), "not included")


def test_an_event_moved_to_another_index_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    first, second = bundle["events"][0], bundle["events"][1]
    first["leaf_index"], second["leaf_index"] = second["leaf_index"], first["leaf_index"]
    first["inclusion_proof"], second["inclusion_proof"] = (
        second["inclusion_proof"],
        first["inclusion_proof"],
    )
    _rejected(_verify(scene, bundle), "not included")


def test_a_duplicated_event_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    bundle["events"].append(copy.deepcopy(bundle["events"][0]))
    _rejected(_verify(scene, bundle), "leaf index given twice")


def test_swapped_positions_are_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    bundle["events"][0]["position"], bundle["events"][1]["position"] = (
        bundle["events"][1]["position"],
        bundle["events"][0]["position"],
    )
    _rejected(_verify(scene, bundle), "not included")  # the position is part of the leaf


def test_a_tree_whose_leaves_are_not_in_log_order_is_rejected(scene: LedgerScene) -> None:
    # the log itself appended two events out of order and signed that tree
    events = list(scene.events)
    events[0], events[1] = events[1], events[0]
    forged = LedgerScene(events=events, log=scene.log, witnesses=scene.witnesses)
    _rejected(_verify(forged, forged.bundle()), "out of log order")


def test_a_history_rewritten_with_the_logs_own_key_lacks_the_witnesses(
    scene: LedgerScene,
) -> None:
    # an insider holding the log key edits a predikat and rebuilds the tree of the same size
    forged = LedgerScene(events=list(scene.events), log=scene.log, witnesses=scene.witnesses)
    forged.leaves[0] = leaf_hash(b"rewritten")
    note = scene.log.sign(forged.checkpoint().body())
    honest_cosignatures = scene.note().split("\n\n", 1)[1].splitlines(keepends=True)[1:]
    result = _verify(scene, forged.bundle(add_signatures(note, honest_cosignatures)))
    _rejected(result, "only 0 of the required 2")


def test_a_predikat_that_its_ratings_do_not_give_is_rejected(scene: LedgerScene) -> None:
    # the log key signs a tree with an edited predikat; with no witness asked, only the scores
    # can catch it
    forged = _forged_predikat(scene, predikat="SANGAT_KURANG")
    result = verify_bundle(forged.bundle(), scene.log.verifier(), [], 0)
    _rejected(result, "the rules give SANGAT_BAIK, not what was recorded")


def test_a_predikat_whose_rating_event_is_left_out_is_rejected(scene: LedgerScene) -> None:
    bundle = scene.bundle()
    bundle["events"] = bundle["events"][1:]  # drop the first Rated
    _rejected(_verify(scene, bundle), "its rating events are not in the bundle")


def test_a_predikat_under_an_unknown_rules_version_is_rejected(scene: LedgerScene) -> None:
    forged = _forged_predikat(scene, rules_version="made-up-rules@9")
    _rejected(verify_bundle(forged.bundle(), scene.log.verifier(), [], 0), "made-up-rules@9")


def _forged_predikat(scene: LedgerScene, **fields: Any) -> LedgerScene:
    """The scene's log and witnesses over a tree whose first PredikatComputed was edited."""
    events = list(scene.events)
    target = next(i for i, e in enumerate(events) if e.topic.endswith("PredikatComputed"))
    state = json.loads(events[target].state) | fields
    events[target] = replace(events[target], state=json.dumps(state).encode())
    return LedgerScene(events=events, log=scene.log, witnesses=scene.witnesses)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b.update(format="jejak-evidence-bundle/v0"),
        lambda b: b.update(events="nope"),
        lambda b: b["events"][0].update(state="!!not base64!!"),
        lambda b: b["events"][0].update(leaf_index=-1),
        lambda b: b["events"][0].update(originator_id="not-a-uuid"),
        lambda b: b.update(origin="other.example/log"),
    ],
)
def test_a_bundle_that_breaks_the_format_is_rejected_not_crashed(
    scene: LedgerScene, damage: Any
) -> None:
    bundle = scene.bundle()
    damage(bundle)
    assert not _verify(scene, bundle).ok
