package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// lookup is the state of one provider look-up: its results are extra suggestions (and the
// default of a required field nobody answered yet); a failure only says so — the field
// stays editable.
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

// lookupKey identifies a look-up by name and the answers it depends on, so changing the
// region fetches again while going back and forth does not.
func lookupKey(s *session, name string) string {
	a := s.a()
	return string(s.api.ID) + "|" + name + "|" + a.Get("region") + "|" + a.Get("project_id")
}

// lookupScope is what every look-up of the session depends on.
func lookupScope(s *session) string { return lookupKey(s, "") }

func lookupFor(s *session, r row) *lookup {
	if r.slot.Field == nil || r.slot.Field.Lookup == "" {
		return nil
	}
	return s.lookups[lookupKey(s, r.slot.Field.Lookup)]
}

// startLookups starts the look-ups of rows that have not run yet.
func startLookups(s *session, rows []row) tea.Cmd {
	if s.o.Provider == nil {
		return nil
	}
	var cmds []tea.Cmd
	for _, r := range rows {
		if r.slot.Field == nil || r.slot.Field.Lookup == "" {
			continue
		}
		k := lookupKey(s, r.slot.Field.Lookup)
		if s.lookups[k] != nil {
			continue
		}
		s.lookups[k] = &lookup{loading: true}
		a := s.a()
		q := providers.LookupQuery{API: s.api.ID, Name: r.slot.Field.Lookup, Region: a.Get("region"), ProjectID: a.Get("project_id")}
		cmds = append(cmds, lookupCmd(s.o.Provider, q, k, s.o.LookupTimeout))
	}
	return tea.Batch(cmds...)
}

func lookupCmd(p providers.Provider, q providers.LookupQuery, key string, timeout time.Duration) tea.Cmd {
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		opts, err := p.Lookup(ctx, q)
		return lookupMsg{key: key, opts: opts, err: err}
	}
}

// gotLookup stores a result and lets it answer the required fields of rows that nobody
// answered yet: an ID a person cannot know comes from the account, and stays one arrow
// (or one Enter on the review's `e`) away from being changed.
func gotLookup(s *session, msg lookupMsg, rows []row) {
	s.lookups[msg.key] = &lookup{opts: msg.opts, err: msg.err}
	if msg.err != nil || len(msg.opts) == 0 {
		return
	}
	for _, r := range rows {
		f := r.slot.Field
		if f == nil || f.Lookup == "" || !f.Required || lookupKey(s, f.Lookup) != msg.key {
			continue
		}
		if r.w.value(s, r) == "" {
			r.w.set(s, r, lookupDefault(msg.opts))
		}
	}
}

// lookupDefault is the look-up result a required, unanswered field starts from: the first
// the cloud lists.
func lookupDefault(opts []flows.Option) string { return opts[0].Value }
