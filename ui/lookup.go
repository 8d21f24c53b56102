package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// Look-ups fill the IDs a person cannot know (project id, DSC product id, Workspace App
// server group → VPC → subnet) from the account. They run in the background through the
// session's lookups.Cache as soon as their inputs are answered (lookups.Of), so a
// key press never waits for one; a field whose look-up is running shows a spinner, and a
// failed one says why and stays typable.

// lookup is the state of one query: its results are extra suggestions (and the default of a
// required field nobody answered yet).
type lookup struct {
	loading bool
	opts    []flows.Option
	err     error
}

// lookupMsg carries a finished look-up back to Update.
type lookupMsg struct {
	key  string
	opts []flows.Option
	err  error
}

// queryKey identifies a query within the session (the provider, hence the account, is
// fixed for a session; lookups.Cache adds the account for its own key).
func queryKey(q providers.LookupQuery) string { return lookups.Key(providers.Target{}, q) }

// lookupFor returns the state of r's look-up in the current answers, or nil.
func lookupFor(s *session, r row) *lookup {
	if r.slot.Field == nil || r.slot.Field.Lookup == "" || s.api == nil {
		return nil
	}
	if k, ok := s.index.KeyAt(s.a(), r.slot.Path); ok {
		return s.lookups[k]
	}
	return s.lookups[queryKey(lookups.QueryFor(s.api, r.slot, s.a()))]
}

// lookupReady is providers' readiness plus what the wizard knows: an answer that blocks the
// order (a project id half typed) is not worth asking the cloud about.
func lookupReady(s *session, fl lookups.Field) bool {
	if !fl.Ready || s.blocks("region") || (fl.Slot.Field.Name != "project_id" && s.blocks("project_id")) {
		return false
	}
	for _, in := range fl.Slot.Field.LookupInputs {
		if p := lookups.InputPath(fl.Slot, in); p != "" && s.blocks(p) {
			return false
		}
	}
	return true
}

// startLookups starts every look-up whose inputs are answered and that has not run for
// these inputs, and forgets a value a look-up filled in when its inputs changed since (the
// DSC product id of another spec must not be sent): the new look-up fills it again. It looks
// only at the look-ups whose query or readiness may have changed since it last ran
// (lookups.Index): for the others there is nothing to do.
func startLookups(s *session) tea.Cmd {
	if s.o.Provider == nil || s.api == nil {
		return nil
	}
	var cmds []tea.Cmd
	a := s.a()
	s.index.Update(s.api, a)
	changed, all := s.index.Take()
	blocked := blockedPaths(s)
	if !all {
		for p := range symmetricDifference(blocked, s.blocked) {
			if p == "region" || p == "project_id" {
				all = true // every look-up waits on them
				break
			}
			changed = append(changed, s.index.Readers(p)...)
		}
		slices.Sort(changed)
		changed = slices.Compact(changed)
	}
	s.blocked = blocked
	fields := s.index.Fields()
	if all {
		changed = make([]int, len(fields))
		for i := range changed {
			changed[i] = i
		}
	}
	for _, i := range changed {
		fl, k := fields[i], s.index.Key(i)
		path := fl.Slot.Path
		fk := filledKey(s, path)
		if f, ok := s.filled[fk]; ok && f.key != k {
			if a.Get(path) == f.value {
				s.set(path, "")
			}
			delete(s.filled, fk)
		}
		prev := s.asked[fk]
		s.asked[fk] = k
		// Asked already (a failure is asked again when the inputs change, or on another step).
		if l := s.lookups[k]; l != nil {
			if prev != k && !l.loading && l.err == nil && a.Get(path) == "" {
				// This field's inputs now make a query answered before: they came back to it
				// (another DSC spec and back), or the field is new (an item added with the
				// spec of an earlier one). Its answer comes again, as a fresh look-up's would.
				msg := lookupMsg{key: k, opts: l.opts}
				cmds = append(cmds, func() tea.Msg { return msg })
			}
			continue
		}
		if !lookupReady(s, fl) {
			continue
		}
		s.lookups[k] = &lookup{loading: true}
		cmds = append(cmds, lookupCmd(s, fl.Query, k))
	}
	if len(cmds) > 0 && !s.spinning {
		s.spinning = true
		cmds = append(cmds, s.spin.Tick)
	}
	return tea.Batch(cmds...)
}

// blockedPaths are the answers with a problem that stops the order (lookupReady waits while
// an input is one of them).
func blockedPaths(s *session) map[string]bool {
	out := map[string]bool{}
	for _, p := range s.problems {
		if !p.Warning {
			out[p.Path] = true
		}
	}
	return out
}

// symmetricDifference is the keys in exactly one of x and y.
func symmetricDifference(x, y map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range x {
		if !y[k] {
			out[k] = true
		}
	}
	for k := range y {
		if !x[k] {
			out[k] = true
		}
	}
	return out
}

func lookupCmd(s *session, q providers.LookupQuery, key string) tea.Cmd {
	p, c, timeout := s.o.Provider, s.cache, lookups.Wait(s.o.LookupTimeout)
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		opts, err := c.Lookup(ctx, p, q)
		return lookupMsg{key: key, opts: opts, err: err}
	}
}

// filledValue is an answer a look-up supplied, and for which query.
type filledValue struct{ key, value string }

// filledKey names an answer of the session's API (each API keeps its own answers).
func filledKey(s *session, path string) string { return string(s.api.ID) + "|" + path }

// gotLookup stores a result and lets it answer the required fields nobody answered yet: an
// ID a person cannot know comes from the account, and stays one arrow away from being
// changed. It reports whether an answer changed.
func gotLookup(s *session, msg lookupMsg) bool {
	s.lookups[msg.key] = &lookup{opts: msg.opts, err: msg.err}
	if msg.err != nil || len(msg.opts) == 0 || s.api == nil {
		return false
	}
	changed := false
	s.index.Update(s.api, s.a())
	for i, fl := range s.index.Fields() {
		f := fl.Slot.Field
		if !f.Required || s.index.Key(i) != msg.key || s.a().Get(fl.Slot.Path) != "" {
			continue
		}
		v := msg.opts[0].Value // the first the cloud lists is the sensible default
		s.set(fl.Slot.Path, v)
		s.filled[filledKey(s, fl.Slot.Path)] = filledValue{key: msg.key, value: v}
		changed = true
	}
	return changed
}

// lookupsLoading reports whether any look-up is running (the spinner keeps turning).
func lookupsLoading(s *session) bool {
	for _, l := range s.lookups {
		if l.loading {
			return true
		}
	}
	return false
}

// lookupTick turns the look-up spinner while one runs.
func lookupTick(s *session, msg spinner.TickMsg) tea.Cmd {
	if !s.spinning || msg.ID != s.spin.ID() {
		return nil
	}
	if !lookupsLoading(s) {
		s.spinning = false
		return nil
	}
	var cmd tea.Cmd
	s.spin, cmd = s.spin.Update(msg)
	return cmd
}

// lookupWhy says in both languages why a look-up failed, with the cloud's or the
// transport's own words (shown inert) after it.
func lookupWhy(err error, timeout time.Duration) i18n.Text {
	t := i18n.TextOf(err) // a missing credential says itself in both languages
	detail := providers.PrintableText(t)
	var pe *providers.Error
	errors.As(err, &pe)
	var why i18n.Text
	switch {
	case pe != nil && pe.Code != "":
		why = tf(txtLookupRefused, providers.Printable(pe.Code))
		if pe.Message != "" {
			detail = i18n.T(providers.Printable(pe.Message), providers.Printable(pe.Message))
		}
	case !netText(err, timeout).IsZero():
		why = netText(err, timeout)
	case pe != nil && pe.Kind == providers.Invalid:
		why = txtLookupNotAsked
	default:
		why = txtLookupNoAnswer
	}
	return i18n.T(fmt.Sprintf(txtLookupFailed.EN, why.EN+" ("+detail.EN+")"), fmt.Sprintf(txtLookupFailed.ZH, why.ZH+"("+detail.ZH+")"))
}

// retryFailedLookups forgets failed look-ups so they are asked again (on changing step: a
// transient failure does not stay for the session).
func retryFailedLookups(s *session) tea.Cmd {
	for k, l := range s.lookups {
		if !l.loading && l.err != nil {
			delete(s.lookups, k)
		}
	}
	s.index.Forget() // every field whose look-up failed is looked at again
	return startLookups(s)
}
