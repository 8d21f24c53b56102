package ui

import (
	"slices"
	"time"

	"charm.land/bubbles/v2/spinner"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// session is what every screen of one wizard run shares, split by concern: the answers (per
// API, so switching API and back loses nothing), the look-ups that fill them, and the order's
// lifecycle (review, price, send, outcome, payment) — plus the options, the language and
// styles, and the footer's note. Screens read and change it; they own only their own view
// state (focus, scroll, open lists).
type session struct {
	o      Options
	lang   i18n.Lang
	st     Styles
	isDark bool

	answerState
	lookupState
	lifecycle
	out Outcome

	notice    string // one-line message about the last action, in the footer
	noticeBad bool
	showAll   bool // the footer shows every key
}

// answerState is the person's answers and what the API says of them.
type answerState struct {
	apis     flows.Registry
	api      *flows.API
	answers  map[flows.APIID]*flows.Answers
	steps    []flows.Step
	problems []flows.Problem // api.Validate of the current answers
	rev      int             // bumped by every validate: the answers may have changed
}

// lookupState is the look-ups of the account that fill fields (lookup.go).
type lookupState struct {
	lookups  map[string]*lookup     // by queryKey: what the fields show
	cache    *lookups.Cache         // the calls behind them, shared with the price inquiry
	filled   map[string]filledValue // answers a look-up supplied, by filledKey
	asked    map[string]string      // the query each looked-up field last had, by filledKey
	index    lookups.Index          // the order's look-ups, kept up to date by what changed
	blocked  map[string]bool        // blockedPaths when startLookups last ran
	spin     spinner.Model          // turns on a field whose look-up runs
	spinning bool
}

// lifecycle is the order from its review to its outcome and payment (package placement does
// the work; this is what the wizard shows of it).
type lifecycle struct {
	price priceState // the review's price inquiry
	pay   payState   // paying an order created unpaid
	check checkState // "check now" after an unknown outcome (check.go)

	review placement.Review // the lifecycle's review of the order: computed once per build
	built  builtFrom        // what review was built from
	order  flows.Order      // review.Order: exactly what y sends and s saves
	target providers.Target // review.Target: where it goes

	lastErr  error // the last failed submission, shown on review
	unknown  bool  // an earlier attempt's outcome is unknown: y asks again
	attempts int   // submissions started; quitting before any says "nothing was sent"
	recent   providers.Recent
	result   providers.Result
	placed   placement.Outcome // the last send's outcome
}

func (s *session) say(t i18n.Text) string { return t.In(s.lang) }

// build computes the review of the current answers (placement.NewReview): the order exactly
// as it will be sent, where it goes, its digest and whether it is created unpaid.
// The review is kept while the answers (every change of one bumps flows.Answers.Rev) and
// the target asked for afresh (credentials may be resolved meanwhile) are the same: at 1000
// products building the body and its digest was most of opening the review.
func (s *session) build() {
	a := s.a()
	key := builtFrom{api: s.api, a: a, rev: a.Rev()}
	if s.o.Provider != nil {
		key.target = s.o.Provider.Target(s.api.ID, a.Get("region"))
	}
	if s.built != key || s.review.API == nil {
		s.review = placement.NewReview(s.o.Provider, s.o.Mode, s.api, s.api.Build(a))
		s.built = key
	}
	s.review.Expect = s.o.ExpectDigest // --expect-digest: placement.Send refuses another order
	s.order, s.target = s.review.Order, s.review.Target
}

// builtFrom is what the review was built from.
type builtFrom struct {
	api    *flows.API
	a      *flows.Answers
	rev    uint64
	target providers.Target
}

// clock is the confirmation protocol's clock (Options.Clock, else the real one).
func (s *session) clock() time.Time {
	if s.o.Clock != nil {
		return s.o.Clock()
	}
	return time.Now()
}

func (s *answerState) a() *flows.Answers { return s.answers[s.api.ID] }

// chooseAPI switches API, keeping each API's answers.
func (s *session) chooseAPI(api *flows.API) {
	s.api = api
	if s.answers[api.ID] == nil {
		a := api.NewAnswers()
		api.Prefill(a, s.o.Regions[api.Cloud], s.o.ProjectID)
		s.answers[api.ID] = a
	}
	s.steps = api.Steps()
	s.validate()
}

// set records an answer through the API (which re-derives dependent fields) and re-checks.
func (s *answerState) set(path, v string) {
	s.api.Set(s.a(), path, v)
	s.validate()
}

// validate re-checks the answers; every change of an answer passes here, so a rev that did not move
// means no answer changed (one that moved may not have: validate runs without a change too).
func (s *answerState) validate() {
	s.problems = s.api.Validate(s.a())
	s.rev++
}

// problemsAt returns the problems reported for a path.
func (s *answerState) problemsAt(path string) []flows.Problem {
	if path == "" {
		return nil
	}
	return flows.ProblemsAt(s.problems, path)
}

// blocks reports whether the answer at path has a problem that stops the order.
func (s *answerState) blocks(path string) bool {
	return slices.ContainsFunc(s.problemsAt(path), func(p flows.Problem) bool { return !p.Warning })
}

// apiField is the API choice as a field of its own (the order file's "api"), so the first
// step renders through the same widgets, help panel and summary as every other field.
func (s *session) apiField() *flows.Field {
	opts := make([]flows.Option, len(s.apis))
	for i, api := range s.apis {
		opts[i] = flows.Option{Value: string(api.ID), Label: api.Title, Help: api.Help}
	}
	return &flows.Field{Name: "api", Kind: flows.String, Required: true, Step: flows.StepAPI,
		Label: txtAPIField, Help: txtAPIHelp, Options: opts}
}

// stepTitle names a step in the words of the API's console (flows.API.StepTitle).
func stepTitle(s *session, st flows.Step) string { return s.say(s.api.StepTitle(st)) }
