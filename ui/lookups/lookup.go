package lookups

import (
	"strings"

	"cloudorder/flows"
	"cloudorder/providers"
)

// Look-ups from the UI's side: which fields of an order have one, the query each runs with,
// and whether its inputs are answered yet. A look-up's options carry a human label (name,
// CIDR, spec, price) beside the ID; the first option is the sensible default.

// Field is the look-up of one field at one path of the answers.
type Field struct {
	Slot  flows.Slot
	Query providers.LookupQuery
	// Ready is false while an input it needs is unanswered (the subnet list before a VPC is
	// chosen): running it then would only fail.
	Ready bool
}

// QueryFor is the query of the look-up declared on slot's field, in the answers' context:
// region and project id from the order, inputs as the field declares them. The project id's
// own look-up is what finds the project id, so the id it found is not part of its query
// (else choosing a project would make it another query).
func QueryFor(api *flows.API, s flows.Slot, a *flows.Answers) providers.LookupQuery {
	q := providers.LookupQuery{API: api.ID, Name: s.Field.Lookup, Region: a.Get("region"), ProjectID: a.Get("project_id"),
		Inputs: s.Field.LookupInputsAt(s.Ctx(a))}
	if s.Path == "project_id" {
		q.ProjectID = ""
	}
	return q
}

// Of lists every look-up of the order's fields across all steps, in wizard order, for
// prefetching as soon as each one is ready (e.g. when the region is chosen).
func Of(api *flows.API, a *flows.Answers) []Field {
	hasProject := hasProjectField(api)
	var out []Field
	for _, step := range flows.AllSteps {
		for _, s := range api.LookupSlots(a, step) {
			if s.Field == nil {
				continue
			}
			out = append(out, fieldOf(api, s, a, hasProject))
		}
	}
	return out
}

func hasProjectField(api *flows.API) bool {
	for _, f := range api.Fields {
		if f.Name == "project_id" {
			return true
		}
	}
	return false
}

// fieldOf is the look-up of slot s with its query and readiness.
func fieldOf(api *flows.API, s flows.Slot, a *flows.Answers, hasProject bool) Field {
	q := QueryFor(api, s, a)
	// The project look-up is what finds the project id; every other Huawei look-up
	// runs inside a project.
	ready := q.Region != "" && (!hasProject || s.Field.Name == "project_id" || q.ProjectID != "")
	for _, in := range s.Field.LookupInputs {
		ready = ready && (in.Optional || q.Inputs[in.Name] != "")
	}
	return Field{Slot: s, Query: q, Ready: ready}
}

// InputPath is where a look-up input's answer lives (as flows.Ctx.Sibling reads it).
func InputPath(sl flows.Slot, in flows.LookupInput) string {
	if abs, ok := strings.CutPrefix(in.From, "/"); ok {
		return abs
	}
	if sl.Item == "" {
		return in.From
	}
	return sl.Item + "." + in.From
}
