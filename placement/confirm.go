package placement

import (
	"strings"
	"time"

	"cloudorder/i18n"
)

// The confirmation protocol (docs/ordering.md). Each question is a state of its own with
// its own answer, and an answer counts only when it was given after its question was on
// screen:
//
//   - a key that arrives within Debounce of the question appearing, or that was typed before
//     it, is discarded, and the person is told so (TooEarly);
//   - "place it again?" — after an identical order succeeded, or its outcome is unknown — is
//     never answered by the key or word that placed the first time: it takes the word `again`
//     typed out (the wizard, plain mode, submit on a terminal), or --allow-duplicate (scripts).
//
// So a second y (a bounce, a held key, an impatient person) can neither answer a question that
// appeared because of the first, nor buy the same order twice.

// Debounce is how long after a question appears a key still counts as typed before it. 400 ms
// sits above the double presses that bought twice (20–400 ms apart in the reports: bounces,
// key repeat — whose delay is 250–600 ms on common desktops — and impatient second presses) and
// below the time a person needs to see and read a new question (visual reaction alone takes
// 200–250 ms; reading a sentence takes longer), so a deliberate answer is never refused.
const Debounce = 400 * time.Millisecond

// Ask names a question the lifecycle asks.
type Ask int

// The questions.
const (
	AskNone       Ask = iota
	AskPlace          // the review: place this order?
	AskPlaceAgain     // an identical order succeeded, or may have: place it again?
	AskPay            // pay the order created unpaid?
	AskLeave          // quit while the placed order is still unpaid?
)

// AgainWord is the answer "place it again?" takes, typed out.
const AgainWord = "again"

// Verdict is what an input did to a question.
type Verdict int

// Verdicts.
const (
	Pending  Verdict = iota // not an answer (yet): keep asking
	Yes                     // the question's own answer
	No                      // declined
	TooEarly                // typed before the question was on screen, or within Debounce: discarded
)

// Question is one open question: which, and since when it has been on screen.
type Question struct {
	Ask   Ask
	Shown time.Time
	typed string // the letters of AgainWord typed so far
}

// NewQuestion opens ask, shown at at.
func NewQuestion(ask Ask, at time.Time) *Question { return &Question{Ask: ask, Shown: at} }

// Early reports whether an input at at came too soon to answer the question.
func (q *Question) Early(at time.Time) bool { return at.Before(q.Shown.Add(Debounce)) }

// Key answers the question with one key press (the wizard): y for AskPlace, AskPay and
// AskLeave, the letters of AgainWord for AskPlaceAgain; n or esc declines. Any key within
// Debounce is discarded whole (a half-typed word starts again).
func (q *Question) Key(k string, at time.Time) Verdict {
	if q.Early(at) {
		q.typed = ""
		return TooEarly
	}
	if k == "esc" || ((k == "n" || k == "N") && q.typed == "") { // n inside "again" is a letter
		q.typed = ""
		return No
	}
	if q.Ask != AskPlaceAgain {
		if k == "y" || k == "Y" {
			return Yes
		}
		return Pending
	}
	next := q.typed + strings.ToLower(k)
	switch {
	case next == AgainWord:
		q.typed = ""
		return Yes
	case strings.HasPrefix(AgainWord, next):
		q.typed = next
	default:
		q.typed = ""
	}
	return Pending
}

// Typed is what has been typed of AgainWord so far (the wizard shows it).
func (q *Question) Typed() string { return q.typed }

// Line answers the question with one typed line (plain mode, submit and pay on a terminal):
// "yes" (or y, 是) for AskPlace, AskPay and AskLeave; AgainWord (or 再次) for
// AskPlaceAgain; anything else declines. timed says whether the line's time can be trusted
// (a terminal, where a person types); a transcript piped in was written in advance, and its
// protection is the distinct word alone.
func (q *Question) Line(s string, at time.Time, timed bool) Verdict {
	if timed && q.Early(at) {
		return TooEarly
	}
	w := strings.ToLower(strings.TrimSpace(s))
	if q.Ask == AskPlaceAgain {
		if w == AgainWord || w == "再次" {
			return Yes
		}
		return No
	}
	switch w {
	case "y", "yes", "是":
		return Yes
	}
	return No
}

// TooEarlyText tells the person a key or line was discarded.
var TooEarlyText = i18n.T("a key pressed before the question was on screen was ignored: read the question, then answer",
	"问题出现前(或刚出现时)按下的键已被忽略:请先看清问题再回答")

// Prompt is the question's own words (the front-ends add how to answer in their medium).
func (q *Question) Prompt() i18n.Text {
	switch q.Ask {
	case AskPlaceAgain:
		return i18n.Tf("Place it AGAIN? Type %s to place a second order", "要再次下单吗?输入 %s 下第二个订单", AgainWord)
	case AskPay:
		return i18n.T("Pay this order?", "支付此订单?")
	case AskLeave:
		return i18n.T("The order is still unpaid. Quit without paying?", "订单尚未支付。不支付就退出?")
	}
	return i18n.T("Place this order?", "确认下单?")
}
