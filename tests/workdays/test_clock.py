"""The statutory clock replayed from a timeline, against dates counted by hand."""

from datetime import date

import pytest

from xxgk.workdays import Event, EventKind, InvalidEvent, Policy, Status, compute

E = EventKind


def ev(kind: EventKind, y: int, m: int, d: int, days: int | None = None, **more: object) -> Event:
    return Event(kind, date(y, m, d), days, **more)  # type: ignore[arg-type]


def test_the_national_day_2025_letter_through_every_step(calendar):
    """The issue's "done when" path, counted by hand on the 2025 notice.

    Received Fri 2025-09-26 (not counted). 2025 National Day + Mid-Autumn: 10-01..10-08 off,
    Sun 09-28 and Sat 10-11 make-up working days.
    - reply due: 09-28(1) 29(2) 30(3) | off | 10-09(4) 10(5) 11 Sat(6) 13-17(11) 20-24(16)
      27-30(20) -> 2025-10-30; correction notice due, 7 working days: ... 10(5) 11(6) 13(7)
      -> 2025-10-13.
    - Tue 09-30 correction requested: the clock stops.
    - Fri 10-10 corrected application received: restart, 10-10 not counted: 10-11 Sat(1)
      13-17(6) 20-24(11) 27-31(16) 11-03..06(20) -> 2025-11-06.
    - Tue 10-14 third-party consultation opened and handed over; the third party has 15
      working days from receipt:
      10-15..17(3) 20-24(8) 27-31(13) 11-03(14) 11-04(15) -> consultation due 2025-11-04.
    - Fri 10-24 answer received: not counted 10-14 .. 10-23 = 14,15,16,17,20,21,22,23 = 8
      working days; due 11-06 + 8: 11-07(1) 10-14(6) 17(7) 18(8) -> 2025-11-18.
    - Wed 11-05 the head approves an extension of 20 working days: 11-18 + 20: 19-21(3)
      24-28(8) 12-01..05(13) 08-12(18) 15(19) 16(20) -> 2025-12-16.
    - Wed 12-10 partial reply (区分处理): replied within the period.
    """
    events = [
        ev(E.RECEIVED, 2025, 9, 26),
        ev(E.CORRECTION_REQUESTED, 2025, 9, 30),
        ev(E.CORRECTION_RECEIVED, 2025, 10, 10),
        ev(E.CONSULTATION_OPENED, 2025, 10, 14),
        ev(E.CONSULTATION_DELIVERED, 2025, 10, 14),
        ev(E.CONSULTATION_ANSWERED, 2025, 10, 24),
        ev(E.EXTENSION_APPROVED, 2025, 11, 5, days=20),
        ev(E.REPLY_SENT, 2025, 12, 10),
    ]
    received = compute(events[:1], calendar)
    assert received.status is Status.IN_PROGRESS
    assert received.due_on == date(2025, 10, 30)
    assert received.correction_notice_due == date(2025, 10, 13)
    assert received.explanation[0] == "收到申请日 2025-09-26（不计入），自次日起算 20 个工作日。"
    assert "跳过 国庆节、中秋 2025-10-01 至 2025-10-08" in received.explanation[-1]
    assert "计入调休上班日 2025-09-28（周日）、2025-10-11（周六）" in received.explanation[-1]

    waiting = compute(events[:2], calendar)
    assert waiting.status is Status.AWAITING_CORRECTION
    assert waiting.allowed == {
        E.ACKNOWLEDGED,
        E.CORRECTION_RECEIVED,
        E.CORRECTION_EXPIRED,
        E.WITHDRAWN,
    }
    assert waiting.correction_notice_due is None
    # the policy's 15 working days from the notice: 10-09(1) 10(2) 11(3) 13-17(8) 20-24(13)
    # 27(14) 28(15)
    assert waiting.correction_period_due == date(2025, 10, 28)

    restarted = compute(events[:3], calendar)
    assert restarted.due_on == date(2025, 11, 6)
    assert "收到补正后的申请 2025-10-10（不计入），重新自次日起算 20 个工作日。" in (
        restarted.explanation
    )

    consulting = compute(events[:5], calendar)
    assert consulting.status is Status.IN_CONSULTATION
    assert consulting.consultation_due == date(2025, 11, 4)
    assert consulting.due_on == date(2025, 11, 6)  # as if the answer came the same day

    answered = compute(events[:6], calendar)
    assert answered.status is Status.IN_PROGRESS
    assert answered.due_on == date(2025, 11, 18)
    assert answered.consultation_due is None
    assert "2025-10-24 第 1 件征求意见收到意见：其间 8 个工作日不计入答复期限。" in (
        answered.explanation
    )

    extended = compute(events[:7], calendar)
    assert extended.due_on == date(2025, 12, 16)
    assert extended.extended
    assert E.EXTENSION_APPROVED not in extended.allowed
    assert extended.explanation[-1].startswith("共 40 个工作日（20 + 延期 20）")
    assert extended.explanation[-1].endswith("答复期限 2025-12-16。")

    replied = compute(events, calendar)
    assert replied.status is Status.REPLIED
    assert replied.due_on is None
    assert replied.last_due == date(2025, 12, 16)
    assert replied.closed_on == date(2025, 12, 10)
    assert not replied.overdue
    assert replied.allowed == frozenset()
    assert replied.explanation[-1] == "答复期限为 2025-12-16，在期限内答复。"


def test_labels_are_the_agreed_chinese():
    assert [s.label for s in Status] == [
        "办理中",
        "待补正",
        "待说明理由",
        "征求意见中",
        "待缴费",
        "已答复",
        "已撤回",
        "逾期未补正终止",
        "逾期未缴费终止",
    ]
    assert all(k.label for k in EventKind)
    assert len({k.label for k in EventKind}) == len(EventKind)


def test_counting_the_receipt_day_is_a_policy(calendar):
    events = [ev(E.RECEIVED, 2024, 10, 8)]  # Tue, a working day
    # not counted: 10-09(1) 10,11(3) 12 Sat(4) 14-18(9) 21-25(14) 28-11/01(19) 11-04(20)
    assert compute(events, calendar).due_on == date(2024, 11, 4)
    # counted: 10-08(1) 9-11(4) 12 Sat(5) 14-18(10) 21-25(15) 28-11/01(20)
    counted = compute(events, calendar, Policy(count_receipt_day=True))
    assert counted.due_on == date(2024, 11, 1)
    assert "（计入" in counted.explanation[0]


def test_an_open_correction_projects_the_restart_from_today(calendar):
    events = [ev(E.RECEIVED, 2024, 9, 27), ev(E.CORRECTION_REQUESTED, 2024, 9, 30)]
    # today None: as if corrected on the request day 09-30: 10-08..11(4) 12 Sat(5) 14-18(10)
    # 21-25(15) 28-11/01(20)
    assert compute(events, calendar).due_on == date(2024, 11, 1)
    # today 10-14: 10-15..18(4) 21-25(9) 28-11/01(14) 11-04..08(19) 11(20)
    assert compute(events, calendar, today=date(2024, 10, 14)).due_on == date(2024, 11, 11)


def test_correction_expired_closes_the_case(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 27),
        ev(E.CORRECTION_REQUESTED, 2024, 9, 30),
        ev(E.CORRECTION_EXPIRED, 2024, 11, 15),
    ]
    state = compute(events, calendar)
    assert state.status is Status.CLOSED_NO_CORRECTION
    assert state.due_on is None
    assert state.allowed == frozenset()
    assert "视为放弃申请" in state.explanation[-1]


def test_a_late_correction_notice_is_recorded_and_marked_late(calendar):
    received = ev(E.RECEIVED, 2025, 9, 26)
    late = compute([received, ev(E.CORRECTION_REQUESTED, 2025, 10, 14)], calendar)
    assert late.status is Status.AWAITING_CORRECTION
    assert late.correction_late
    assert any("应于 2025-10-13 前告知" in w for w in late.warnings)
    assert any("应于 2025-10-13 前告知" in n for n in late.explanation)
    in_time = compute([received, ev(E.CORRECTION_REQUESTED, 2025, 10, 13)], calendar)
    assert not in_time.correction_late
    assert not in_time.warnings
    assert E.CORRECTION_REQUESTED in compute([received], calendar, today=date(2025, 10, 14)).allowed
    again = [
        received,
        ev(E.CORRECTION_REQUESTED, 2025, 9, 30),
        ev(E.CORRECTION_RECEIVED, 2025, 10, 9),
        ev(E.CORRECTION_REQUESTED, 2025, 10, 10),
    ]
    with pytest.raises(InvalidEvent, match="一次性告知"):
        compute(again, calendar)


def test_correction_lapses_only_after_the_period_the_notice_set(calendar):
    events = [ev(E.RECEIVED, 2025, 9, 26), ev(E.CORRECTION_REQUESTED, 2025, 9, 30, days=5)]
    # 5 working days from 09-30: 10-09(1) 10(2) 11 Sat(3) 13(4) 14(5)
    assert compute(events, calendar).correction_period_due == date(2025, 10, 14)
    assert "补正期限 5 个工作日（至 2025-10-14）" in compute(events, calendar).explanation[1]
    with pytest.raises(InvalidEvent, match="补正期限至 2025-10-14，2025-10-14 尚未届满"):
        compute([*events, ev(E.CORRECTION_EXPIRED, 2025, 10, 14)], calendar)
    closed = compute([*events, ev(E.CORRECTION_EXPIRED, 2025, 10, 15)], calendar)
    assert closed.status is Status.CLOSED_NO_CORRECTION
    assert E.CORRECTION_EXPIRED not in compute(events, calendar, today=date(2025, 10, 14)).allowed
    assert E.CORRECTION_EXPIRED in compute(events, calendar, today=date(2025, 10, 15)).allowed
    with pytest.raises(InvalidEvent, match="1 至 60 个工作日"):
        compute([events[0], ev(E.CORRECTION_REQUESTED, 2025, 9, 30, days=0)], calendar)


def test_a_consultation_pauses_at_most_the_third_partys_fifteen_days(calendar):
    received = ev(E.RECEIVED, 2024, 9, 30)
    # reply due: 10-08..11(4) 12 Sat(5) 14-18(10) 21-25(15) 28-11/01(20) -> 2024-11-01
    assert compute([received], calendar).due_on == date(2024, 11, 1)
    opened = ev(E.CONSULTATION_OPENED, 2024, 10, 8)
    handed = ev(E.CONSULTATION_DELIVERED, 2024, 10, 8)
    # third party's 15 days: 10-09..11(3) 12 Sat(4) 14-18(9) 21-25(14) 28(15)
    state = compute([received, opened, handed], calendar, today=date(2024, 10, 15))
    assert state.consultation_due == date(2024, 10, 28)
    # open on 10-15: 10-08..12, 14 paused = 6 working days; 11-01 + 6 = 11-04..08(5) 11(6)
    assert state.due_on == date(2024, 11, 11)
    assert any("意见尚未收到" in s for s in state.explanation)
    assert (
        "跳过 国庆节 2024-10-01 至 2024-10-07；跳过 征求意见期间 2024-10-08 至 2024-10-14；"
        in state.explanation[-1]
    )
    # answered long after the 15 days: only the 15 working days 10-08 .. 10-25 are not counted
    # 11-01 + 15: 11-04..08(5) 11-15(10) 18-22(15)
    late = compute([received, opened, handed, ev(E.CONSULTATION_ANSWERED, 2024, 12, 2)], calendar)
    assert late.due_on == date(2024, 11, 22)
    assert "超出部分照常计入" in late.explanation[-2]
    assert "15 个工作日不计入" in late.explanation[-2]


def test_a_same_day_answer_pauses_nothing(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.CONSULTATION_OPENED, 2024, 10, 8),
        ev(E.CONSULTATION_ANSWERED, 2024, 10, 8),
    ]
    assert compute(events, calendar).due_on == date(2024, 11, 1)


def test_a_consultation_opened_on_the_last_day_still_moves_the_due_date(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.CONSULTATION_OPENED, 2024, 11, 1),  # the 20th working day
        ev(E.CONSULTATION_ANSWERED, 2024, 11, 5),  # 11-01 and 11-04 not counted
    ]
    # 11-05(20): the agency has the answer day itself
    assert compute(events, calendar).due_on == date(2024, 11, 5)


def test_the_reply_may_end_a_silent_consultation(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.CONSULTATION_OPENED, 2024, 10, 8),
        ev(E.CONSULTATION_DELIVERED, 2024, 10, 8),
        ev(E.REPLY_SENT, 2024, 11, 20),
    ]
    state = compute(events, calendar)
    assert state.status is Status.REPLIED
    assert state.last_due == date(2024, 11, 22)  # the full 15 days were not counted
    assert not state.overdue
    assert not state.warnings  # the third party's period had run out
    assert state.consultations[0].lapsed


def test_the_third_partys_days_run_from_its_receipt_of_the_letter(calendar):
    received = ev(E.RECEIVED, 2024, 9, 30)  # reply due 2024-11-01
    sent = ev(E.CONSULTATION_OPENED, 2024, 10, 8)
    not_yet = compute([received, sent], calendar, today=date(2024, 10, 9))
    assert not_yet.consultation_due is None
    assert not_yet.consultations[0].delivered_on is None
    delivered = ev(E.CONSULTATION_DELIVERED, 2024, 10, 10)
    state = compute([received, sent, delivered], calendar, today=date(2024, 10, 15))
    # from the day after receipt: 10-11(1) 12 Sat(2) 14-18(7) 21-25(12) 28(13) 29(14) 30(15)
    assert state.consultation_due == date(2024, 10, 30)
    assert state.consultations[0].due_on == date(2024, 10, 30)
    assert "对方收到第 1 件征求意见函，应于 2024-10-30 前提出意见" in state.explanation[2]


def test_several_consultations_run_at_once_and_pause_the_clock_once(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),  # reply due 2024-11-01
        ev(E.CONSULTATION_OPENED, 2024, 10, 8, id=1),
        ev(E.CONSULTATION_DELIVERED, 2024, 10, 8, ref=1),
        ev(E.CONSULTATION_OPENED, 2024, 10, 10, id=2),
        ev(E.CONSULTATION_DELIVERED, 2024, 10, 11, ref=2),
        ev(E.CONSULTATION_ANSWERED, 2024, 10, 14, ref=1),
        ev(E.CONSULTATION_ANSWERED, 2024, 10, 16, ref=2),
    ]
    both = compute(events[:5], calendar, today=date(2024, 10, 11))
    assert both.status is Status.IN_CONSULTATION
    assert len(both.consultations) == 2
    assert both.consultation_due == date(2024, 10, 28)  # the earlier of the two
    unnamed = compute([*events[:5], ev(E.CONSULTATION_ANSWERED, 2024, 10, 14)], calendar)
    assert unnamed.consultations[0].answered_on == date(2024, 10, 14)  # the earliest letter
    with pytest.raises(InvalidEvent, match="所指的征求意见不存在或已结束"):
        compute([*events[:5], ev(E.CONSULTATION_ANSWERED, 2024, 10, 14, ref=9)], calendar)
    one_left = compute(events[:6], calendar)
    assert one_left.status is Status.IN_CONSULTATION
    done = compute(events, calendar)
    assert done.status is Status.IN_PROGRESS
    # paused: [10-08, 10-14) and [10-10, 10-16) overlap: 8, 9, 10, 11, 12 Sat, 14, 15 = 7 days
    # 11-01 + 7: 11-04..08(5) 11(6) 12(7)
    assert done.due_on == date(2024, 11, 12)


def test_a_reply_before_the_third_party_could_answer_is_warned(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.CONSULTATION_OPENED, 2024, 10, 8),
        ev(E.CONSULTATION_DELIVERED, 2024, 10, 8),
        ev(E.REPLY_SENT, 2024, 10, 15),
    ]
    state = compute(events, calendar)
    assert state.status is Status.REPLIED
    assert state.warnings
    assert "期限至 2024-10-28" in state.warnings[0]
    assert "第三十二条" in state.warnings[0]


@pytest.mark.parametrize("days", [1, 5, 20])
def test_an_extension_adds_exactly_its_working_days(calendar, days):
    base = [ev(E.RECEIVED, 2024, 9, 27)]
    before = compute(base, calendar)
    after = compute([*base, ev(E.EXTENSION_APPROVED, 2024, 10, 29, days=days)], calendar)
    assert calendar.workdays_between(before.due_on, after.due_on) == days
    assert f"延期答复 {days} 个工作日" in after.explanation[-2]


def test_an_extension_without_days_is_the_maximum(calendar):
    base = [ev(E.RECEIVED, 2024, 9, 27), ev(E.EXTENSION_APPROVED, 2024, 10, 29)]
    # 10-30 + 20: 10-31(1) 11-01(2) 04-08(7) 11-15(12) 18-22(17) 25-27(20)
    assert compute(base, calendar).due_on == date(2024, 11, 27)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([], "第一个事件必须是收到申请"),
        ([ev(E.CORRECTION_REQUESTED, 2024, 10, 8)], "第一个事件必须是收到申请"),
        ([ev(E.RECEIVED, 2024, 10, 8), ev(E.RECEIVED, 2024, 10, 9)], "只能有一个收到申请"),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.REPLY_SENT, 2024, 10, 7)],
            "早于上一事件",
        ),
        (
            [
                ev(E.RECEIVED, 2024, 10, 8),
                ev(E.WITHDRAWN, 2024, 10, 9),
                ev(E.REPLY_SENT, 2024, 10, 10),
            ],
            "本申请已撤回（2024-10-09），不能再答复",
        ),
        (
            [
                ev(E.RECEIVED, 2024, 10, 8),
                ev(E.EXTENSION_APPROVED, 2024, 10, 9, 10),
                ev(E.EXTENSION_APPROVED, 2024, 10, 10, 10),
            ],
            "只能延长一次",
        ),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.EXTENSION_APPROVED, 2024, 10, 9, 21)],
            "延期应为 1 至 20 个工作日.*所填为 21 个工作日",
        ),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.EXTENSION_APPROVED, 2024, 10, 9, 0)],
            "所填为 0 个工作日",
        ),
        (
            # due 2024-11-04 (see the receipt-day test); approving on 11-05 is too late
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.EXTENSION_APPROVED, 2024, 11, 5)],
            "答复期限 2024-11-04 已届满",
        ),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.CONSULTATION_ANSWERED, 2024, 10, 9)],
            "本申请没有在办的征求意见",
        ),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.FEE_PAID, 2024, 10, 9)],
            "本申请没有等待缴费的收费通知",
        ),
        (
            [ev(E.RECEIVED, 2024, 10, 8), ev(E.REPLY_SENT, 2024, 10, 9, 3)],
            "答复不需要填写工作日数",
        ),
        (
            [
                ev(E.RECEIVED, 2024, 10, 8),
                ev(E.CONSULTATION_OPENED, 2024, 10, 9),
                ev(E.CONSULTATION_ANSWERED, 2024, 10, 10),
                ev(E.CORRECTION_REQUESTED, 2024, 10, 11),
            ],
            "不能再告知补正",
        ),
    ],
)
def test_impossible_sequences_are_refused_with_a_reason(calendar, events, message):
    with pytest.raises(InvalidEvent, match=message):
        compute(events, calendar)


def test_the_fee_wait_stops_the_clock_until_payment(calendar):
    received = ev(E.RECEIVED, 2024, 9, 30)  # reply due 2024-11-01
    notice = ev(E.FEE_NOTICE_SENT, 2024, 10, 8)
    delivered = ev(E.FEE_NOTICE_DELIVERED, 2024, 10, 10)
    sent_only = compute([received, notice], calendar)
    assert sent_only.status is Status.AWAITING_FEE
    assert sent_only.fee_due is None  # counted from the applicant's receipt, not yet known
    waiting = compute([received, notice, delivered], calendar)
    # 20 working days from the day after receipt (10-10): 10-11(1) 12 Sat(2) 14-18(7)
    # 21-25(12) 28-11/01(17) 11-04..06(20)
    assert waiting.fee_due == date(2024, 11, 6)
    assert waiting.allowed == {
        E.ACKNOWLEDGED,
        E.FEE_PAID,
        E.FEE_WAIVED,
        E.FEE_EXPIRED,
        E.WITHDRAWN,
    }
    paid = compute([received, notice, delivered, ev(E.FEE_PAID, 2024, 10, 15)], calendar)
    # 10-08 .. 10-14 not counted: 8,9,10,11,12,14 = 6 working days; 11-01 + 6 -> 11-11
    assert paid.due_on == date(2024, 11, 11)
    assert paid.status is Status.IN_PROGRESS
    assert E.FEE_NOTICE_SENT not in paid.allowed


def test_whether_the_fee_wait_counts_is_the_agencys_policy(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),  # reply due 2024-11-01
        ev(E.FEE_NOTICE_SENT, 2024, 10, 8),
        ev(E.FEE_NOTICE_DELIVERED, 2024, 10, 10),
        ev(E.FEE_PAID, 2024, 10, 15),
    ]
    running = compute(events, calendar, Policy(fee_pauses_clock=False))
    assert running.due_on == date(2024, 11, 1)
    assert "缴费期间答复期限照常计算" in running.explanation[1]
    paused = compute(events, calendar)
    assert paused.due_on == date(2024, 11, 11)
    assert "条例第三十三条第三款仅规定征求意见时间不计入" in paused.explanation[1]


def test_the_fee_expires_only_after_the_applicants_twenty_days(calendar):
    events = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.FEE_NOTICE_SENT, 2024, 10, 8),
    ]
    with pytest.raises(InvalidEvent, match="收到收费通知之日尚未记录"):
        compute([*events, ev(E.FEE_EXPIRED, 2024, 12, 4)], calendar)
    events.append(ev(E.FEE_NOTICE_DELIVERED, 2024, 10, 8))
    with pytest.raises(InvalidEvent, match="尚未届满"):
        compute([*events, ev(E.FEE_EXPIRED, 2024, 11, 4)], calendar)
    with pytest.raises(InvalidEvent, match="应记录逾期未缴费"):
        compute([*events, ev(E.FEE_PAID, 2024, 11, 5)], calendar)
    closed = compute([*events, ev(E.FEE_EXPIRED, 2024, 11, 5)], calendar)
    assert closed.status is Status.CLOSED_NO_FEE
    assert closed.due_on is None
    assert compute(events, calendar, today=date(2024, 11, 5)).allowed == {
        E.ACKNOWLEDGED,
        E.FEE_WAIVED,
        E.FEE_EXPIRED,
        E.WITHDRAWN,
    }


def test_a_waiver_ends_the_wait_and_a_refund_may_follow_payment_after_the_reply(calendar):
    base = [
        ev(E.RECEIVED, 2024, 9, 30),
        ev(E.FEE_NOTICE_SENT, 2024, 10, 8),
        ev(E.FEE_NOTICE_DELIVERED, 2024, 10, 8),
    ]
    waived = compute([*base, ev(E.FEE_WAIVED, 2024, 10, 15)], calendar)
    assert waived.status is Status.IN_PROGRESS
    assert waived.due_on == date(2024, 11, 11)  # the same pause as a payment that day
    with pytest.raises(InvalidEvent, match="申请人未缴费，无需退费"):
        compute([*base, ev(E.FEE_WAIVED, 2024, 10, 15), ev(E.FEE_REFUNDED, 2024, 10, 16)], calendar)
    replied = [*base, ev(E.FEE_PAID, 2024, 10, 15), ev(E.REPLY_SENT, 2024, 10, 20)]
    assert compute(replied, calendar).allowed == {E.FEE_REFUNDED}
    refunded = compute([*replied, ev(E.FEE_REFUNDED, 2024, 10, 25)], calendar)
    assert refunded.status is Status.REPLIED
    assert refunded.allowed == frozenset()


def test_article_35_reasons_then_a_later_deadline(calendar):
    received = ev(E.RECEIVED, 2024, 9, 30)  # reply due 2024-11-01
    asked = ev(E.REASONS_REQUESTED, 2024, 10, 8, days=5)
    waiting = compute([received, asked], calendar)
    assert waiting.status is Status.AWAITING_REASONS
    # 5 working days: 10-09(1) 10(2) 11(3) 12 Sat(4) 14(5)
    assert waiting.reasons_due == date(2024, 10, 14)
    assert waiting.due_on == date(2024, 11, 1)  # the clock runs on
    assert E.LATER_DEADLINE_SET not in waiting.allowed
    answered = [received, asked, ev(E.REASONS_RECEIVED, 2024, 10, 12)]
    assert E.LATER_DEADLINE_SET in compute(answered, calendar).allowed
    with pytest.raises(InvalidEvent, match="应晚于法定答复期限 2024-11-01"):
        compute(
            [*answered, ev(E.LATER_DEADLINE_SET, 2024, 10, 15, until=date(2024, 11, 1))],
            calendar,
        )
    later = compute(
        [*answered, ev(E.LATER_DEADLINE_SET, 2024, 10, 15, until=date(2024, 12, 20))], calendar
    )
    assert later.due_on == date(2024, 12, 20)
    assert later.later_deadline == date(2024, 12, 20)
    assert "依条例第三十五条确定的答复期限为 2024-12-20" in later.explanation[-1]
    assert E.EXTENSION_APPROVED not in later.allowed
    replied = compute(
        [
            *answered,
            ev(E.LATER_DEADLINE_SET, 2024, 10, 15, until=date(2024, 12, 20)),
            ev(E.REPLY_SENT, 2024, 12, 19),
        ],
        calendar,
    )
    assert not replied.overdue
    assert replied.last_due == date(2024, 12, 20)


def test_a_late_reply_is_marked_overdue(calendar):
    events = [ev(E.RECEIVED, 2024, 9, 27), ev(E.REPLY_SENT, 2024, 10, 31)]
    state = compute(events, calendar)
    assert state.overdue
    assert state.last_due == date(2024, 10, 30)
    assert state.explanation[-1] == "答复期限为 2024-10-30，逾期答复。"
    assert compute(events[:1], calendar, today=date(2024, 10, 31)).overdue
    assert not compute(events[:1], calendar, today=date(2024, 10, 30)).overdue


def test_today_past_the_due_date_leaves_no_event_that_needs_time(calendar):
    state = compute([ev(E.RECEIVED, 2024, 9, 27)], calendar, today=date(2024, 10, 31))
    assert state.allowed == {
        E.ACKNOWLEDGED,
        E.CORRECTION_REQUESTED,  # late, and marked so
        E.REASONS_REQUESTED,
        E.REPLY_SENT,
        E.WITHDRAWN,
    }


def test_receipt_in_late_december_2026_is_provisional_until_2027_is_entered(
    calendar, calendar_2027
):
    events = [ev(E.RECEIVED, 2026, 12, 21)]
    guessed = compute(events, calendar)
    assert guessed.provisional
    assert guessed.due_on == date(2027, 1, 18)
    assert "2027 年的节假日安排尚未录入" in guessed.explanation[-1]
    assert guessed.explanation[-1].endswith("（暂定：涉及尚未录入节假日安排的年份）")
    entered = compute(events, calendar_2027)
    assert not entered.provisional
    assert entered.due_on == date(2027, 1, 18)  # 1-1 off and test make-up Sat 1-9 cancel out
    assert "跳过 元旦 2027-01-01" in entered.explanation[-1]


def test_receipt_early_in_december_2026_is_certain(calendar):
    state = compute([ev(E.RECEIVED, 2026, 12, 3)], calendar)
    assert state.due_on == date(2026, 12, 31)
    assert not state.provisional
