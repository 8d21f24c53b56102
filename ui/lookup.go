package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"cloudorder/flows"
	"cloudorder/providers"
)

// lookup is the state of one provider look-up: its results are extra suggestions, and a
// failure only says so — the field stays editable.
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
func (m *Model) lookupKey(name string) string {
	a := m.answers[m.api.ID]
	return string(m.api.ID) + "|" + name + "|" + a.Get("region") + "|" + a.Get("project_id")
}

func (m *Model) lookupFor(r row) *lookup {
	if r.kind == rowAPI || r.slot.Field == nil || r.slot.Field.Lookup == "" {
		return nil
	}
	return m.lookups[m.lookupKey(r.slot.Field.Lookup)]
}

// startLookups starts the look-ups of the current step's fields that have not run yet.
func (m *Model) startLookups() tea.Cmd {
	if m.o.Provider == nil || m.scr != scrStep {
		return nil
	}
	var cmds []tea.Cmd
	for _, r := range m.rows {
		if r.kind == rowAPI || r.slot.Field == nil || r.slot.Field.Lookup == "" {
			continue
		}
		k := m.lookupKey(r.slot.Field.Lookup)
		if m.lookups[k] != nil {
			continue
		}
		m.lookups[k] = &lookup{loading: true}
		a := m.answers[m.api.ID]
		q := providers.LookupQuery{API: m.api.ID, Name: r.slot.Field.Lookup, Region: a.Get("region"), ProjectID: a.Get("project_id")}
		cmds = append(cmds, lookupCmd(m.o.Provider, q, k, m.o.LookupTimeout))
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

func (m *Model) gotLookup(msg lookupMsg) {
	// Rows read their options when drawn, so storing the result is all it takes.
	m.lookups[msg.key] = &lookup{opts: msg.opts, err: msg.err}
}
