package flows

import (
	"slices"

	"cloudorder/i18n"
)

// visit is one applicable field met while walking the answers.
type visit struct {
	f    *Field
	path string
	item string
	ctx  Ctx
}

// walk visits every field that applies, depth first in declaration order, descending into
// objects, properties and each array item. fn returns false to skip a field's children.
func walk(a *Answers, fields []*Field, parent, item string, fn func(v visit) bool) {
	for _, f := range fields {
		path := join(parent, f.Name)
		c := Ctx{A: a, Path: path, Item: item}
		if !f.AppliesAt(c) {
			continue
		}
		if !fn(visit{f: f, path: path, item: item, ctx: c}) {
			continue
		}
		switch f.Kind {
		case Object, Properties:
			walk(a, f.Fields, path, item, fn)
		case Array:
			for i := range a.Count(path) {
				ip := ItemPath(path, i)
				if _, stuck := a.stuck[ip]; !stuck { // an item that is not an object has no fields
					walk(a, f.Fields, ip, ip, fn)
				}
			}
		}
	}
}

// NewAnswers returns answers holding every documented default, with the minimum number of
// items in each repeated group: pressing Enter through the wizard accepts the documented choices.
func (api *API) NewAnswers() *Answers {
	a := NewEmptyAnswers()
	api.reconcile(a, "")
	return a
}

// Set records the answer at path and re-derives what depends on it: fields that now apply get
// their defaults, and dependent choices no longer offered fall back to their new default.
func (api *API) Set(a *Answers, path, value string) {
	a.choose(path, value)
	api.reconcile(a, path)
}

// AddItem appends an item with defaults to the Array at path. Past the field's MaxItems it adds
// nothing and returns the rule, worded as validation words it.
func (api *API) AddItem(a *Answers, path string) *Problem {
	f := api.FieldAt(path)
	if f == nil || f.Kind != Array {
		return nil
	}
	if f.MaxItems > 0 && a.Count(path) >= f.MaxItems {
		return &Problem{Path: path, Msg: i18n.Tf("allows at most %d item(s)", "最多 %d 项", f.MaxItems)}
	}
	a.counts[path]++
	delete(a.stuck, path)
	a.restructure()
	api.reconcile(a, "")
	return nil
}

// RemoveItem deletes item i of the Array at path, keeping the answers of the others. There is
// nothing to remove past the last item; at the field's MinItems it removes nothing and returns
// the rule (reconcile would only add the item back).
func (api *API) RemoveItem(a *Answers, path string, i int) *Problem {
	if i < 0 || i >= a.Count(path) {
		return nil
	}
	if f := api.FieldAt(path); f != nil && a.Count(path) <= f.MinItems {
		return &Problem{Path: path, Msg: i18n.Tf("needs at least %d item(s)", "至少需要 %d 项", f.MinItems)}
	}
	a.shiftItems(path, i)
	api.reconcile(a, "")
	return nil
}

// reconcile fills defaults for applicable fields never answered, resets dependent choices that
// are no longer offered and brings arrays up to their minimum size, until nothing changes.
// The answer at just (the one the person just gave) is never rewritten. An item found settled
// before, with nothing it depends on changed since, is not walked again: it would change
// nothing (flows/incremental.go).
func (api *API) reconcile(a *Answers, just string) {
	for range 8 {
		changed := false
		pending := false // a derivation of just waits: the item is not settled
		fn := func(v visit) bool {
			f := v.f
			switch {
			case f.Kind == Array:
				for a.Count(v.path) < f.MinItems {
					a.counts[v.path]++
					a.restructure()
					changed = true
				}
			case f.Kind.IsScalar():
				if d, ok := derive(f, v, a); ok {
					if v.path == just {
						pending = true
					} else {
						a.put(v.path, d)
						changed = true
					}
				}
			}
			return true
		}
		walkTop(a, api, api.Fields, "", fn, func(arr *itemArray) {
			// The items not settled, in order; an item a later one changes is walked again
			// in the next pass, as walk would.
			for cur := -1; ; {
				i := arr.nextUnsettled(cur)
				if i < 0 {
					break
				}
				cur = i
				e := arr.items[i]
				if a.stuckItem(e.path) {
					continue
				}
				rev, inc := a.rev, a.inc
				pending = false
				a.recording(e, func() { walk(a, arr.field.Fields, e.path, e.path, fn) })
				e.settled = a.rev == rev && a.inc == inc && !pending
				if a.inc != inc {
					// It changed the structure (a nested count): the other items go on
					// uncached, as walk would go on over them.
					arr = a.incFor(api).array(a, arr.path, arr.field)
				}
			}
			arr.unsettled = slices.DeleteFunc(arr.unsettled, func(i int) bool { return arr.items[i].settled })
		})
		if !changed {
			return
		}
	}
}

// nextUnsettled returns the first item after cur that reconcile must walk, or -1.
func (arr *itemArray) nextUnsettled(cur int) int {
	if arr.many(arr.unsettled) {
		for i := cur + 1; i < len(arr.items); i++ {
			if !arr.items[i].settled {
				return i
			}
		}
		return -1
	}
	next := -1
	for _, i := range arr.unsettled {
		if i > cur && !arr.items[i].settled && (next < 0 || i < next) {
			next = i
		}
	}
	return next
}

// derive returns the value a scalar should now hold, if it should change: a default for a field
// never answered (left unanswered while its default is still unknown), a dependent default that
// follows its parent until the person sets the field, or the new default when a dependent
// choice is no longer offered.
func derive(f *Field, v visit, a *Answers) (string, bool) {
	cur, has := a.values[v.path]
	d := f.DefaultAt(v.ctx)
	switch {
	case !has:
		return d, d != ""
	case f.DefaultFor != nil && !a.touched[v.path] && cur != d:
		return d, true
	case f.OptionsFor != nil && !f.Open && cur != "" && !offered(f.OptionsAt(v.ctx), cur):
		return d, d != cur
	}
	return "", false
}

// markUnanswered records "" for applicable scalars a loaded order leaves out, so that they
// stay out (no default sneaks into a reviewed body) while Local answers get their defaults.
func (api *API) markUnanswered(a *Answers) {
	walk(a, api.Fields, "", "", func(v visit) bool {
		if v.f.Kind.IsScalar() && !a.Has(v.path) {
			if v.f.Local {
				a.put(v.path, v.f.DefaultAt(v.ctx))
			} else {
				a.load(v.path, "") // left out on purpose: no default may fill it
			}
		}
		return true
	})
}

func offered(opts []Option, v string) bool {
	return slices.ContainsFunc(opts, func(o Option) bool { return o.Value == v })
}

// FieldAt returns the field declared at path (array indexes ignored), or nil.
func (api *API) FieldAt(path string) *Field {
	fields := api.Fields
	var found *Field
	for _, name := range splitPath(path) {
		found = nil
		for _, f := range fields {
			if f.Name == name {
				found = f
				break
			}
		}
		if found == nil {
			return nil
		}
		fields = found.Fields
	}
	return found
}

// splitPath turns "body.Products[0].ProductCode" into [body Products ProductCode].
func splitPath(path string) []string {
	var out []string
	skip := false
	var cur []byte
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '[':
			skip = true
		case c == ']':
			skip = false
		case c == '.' && !skip:
			out = append(out, string(cur))
			cur = cur[:0]
		case !skip:
			cur = append(cur, c)
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// Steps returns the wizard steps this API uses, in order: StepAPI plus every step a field
// belongs to. Steps without fields are skipped and left out of the breadcrumb.
func (api *API) Steps() []Step {
	used := map[Step]bool{StepAPI: true}
	var mark func([]*Field)
	mark = func(fs []*Field) {
		for _, f := range fs {
			if f.Kind.IsScalar() || f.Kind == Array {
				used[f.Step] = true
			}
			mark(f.Fields)
		}
	}
	mark(api.Fields)
	var out []Step
	for _, s := range AllSteps {
		if used[s] {
			out = append(out, s)
		}
	}
	return out
}

// Prefill sets what a new session starts with beyond the documented defaults: region (the
// default region config.toml's [regions] names for the API's cloud) and projectID
// (HUAWEICLOUD_SDK_PROJECT_ID), each only when given and the API has the field.
func (api *API) Prefill(a *Answers, region, projectID string) {
	if region != "" && api.FieldAt("region") != nil {
		api.Set(a, "region", region)
	}
	if projectID != "" && api.FieldAt("project_id") != nil && a.Get("project_id") == "" {
		api.Set(a, "project_id", projectID)
	}
}

// StepProblems are the problems among problems that belong to step st: those of its fields
// that hold a value or a list of items (cross-field rules included, as they name a field).
func (api *API) StepProblems(problems []Problem, st Step) []Problem {
	var out []Problem
	for _, p := range problems {
		if f := api.FieldAt(p.Path); f != nil && f.Step == st && (f.Kind.IsScalar() || f.Kind == Array) {
			out = append(out, p)
		}
	}
	return out
}
