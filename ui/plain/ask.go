package plain

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/ui/lookups"
)

// walkStep asks every field of one step, in the order the flows declare, re-reading the slots
// after each answer (an answer can make fields appear, vanish or change their options). A step
// whose cross-field rules still fail is asked again, with the answers given as defaults.
func (r *runner) walkStep(st flows.Step, n, of int) error {
	for {
		r.println("")
		r.println(r.stepTitle(st, n, of))
		asked := map[string]bool{}
		printed := map[string]bool{}
		for {
			slots := r.api.Slots(r.answers[r.api.ID], st)
			i := slices.IndexFunc(slots, func(s flows.Slot) bool { return !s.Heading && !asked[s.Path] })
			if i < 0 {
				break
			}
			r.headings(slots, i, printed)
			if err := r.askSlot(slots, i); err != nil {
				return err
			}
			asked[slots[i].Path] = true
		}
		probs := r.stepProblems(st)
		if len(probs) == 0 {
			return nil
		}
		for _, p := range probs {
			r.println(r.t(i18n.T("error: ", "错误:")) + p.Path + ": " + p.Msg.In(r.lang))
		}
		r.say(i18n.T("This step has problems; its questions are asked again.", "此步骤有问题,将重新询问本步骤的问题。"))
	}
}

// headings prints the titles (objects, array items) around slot i not printed yet.
func (r *runner) headings(slots []flows.Slot, i int, printed map[string]bool) {
	for _, s := range slots[:i] {
		if !s.Heading || printed[s.Path] || !strings.HasPrefix(slots[i].Path, s.Path) {
			continue
		}
		printed[s.Path] = true
		r.println(strings.Repeat("  ", s.Depth) + r.headingTitle(s))
	}
}

func (r *runner) headingTitle(s flows.Slot) string {
	if s.Index >= 0 {
		return flows.ItemTitle(r.answers[r.api.ID], s).In(r.lang)
	}
	return r.label(s.Field)
}

func (r *runner) label(f *flows.Field) string {
	if l := f.Label.In(r.lang); l != "" {
		return l
	}
	return f.Name
}

// promptLabel names the field with its array item, so each prompt reads on its own.
func (r *runner) promptLabel(slots []flows.Slot, s flows.Slot) string {
	l := r.label(s.Field)
	if s.Item == "" {
		return l
	}
	for _, h := range slots {
		if h.Heading && h.Path == s.Item {
			return r.headingTitle(h) + ", " + l
		}
	}
	return l
}

// stepProblems are the blocking problems of the step's fields (cross-field rules included).
func (r *runner) stepProblems(st flows.Step) []flows.Problem {
	var out []flows.Problem
	for _, p := range r.api.StepProblems(r.api.Validate(r.answers[r.api.ID]), st) {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// askSlot asks one field: a repeated group asks how many items, any other field its value.
func (r *runner) askSlot(slots []flows.Slot, i int) error {
	s := slots[i]
	a := r.answers[r.api.ID]
	f := s.Field
	label := r.promptLabel(slots, s)
	if f.Kind == flows.Array {
		return r.askCount(s, label)
	}
	ctx := s.Ctx(a)
	opts, err := r.optionsOf(s)
	if err != nil {
		return err
	}
	closed := f.Kind == flows.Boolean || (!f.Open && len(f.OptionsAt(ctx)) > 0)
	cur := a.Get(s.Path)
	if cur == "" && f.Required && f.Lookup != "" && r.o.Provider != nil {
		// As the wizard: an ID a person cannot know comes from the account — the first the
		// cloud lists is the default, so Enter takes it (ui/lookup.go, gotLookup).
		if found, err := r.lookup(s, a); err == nil && len(found) > 0 {
			cur = found[0].Value
		}
	}
	help := func() {
		if h := f.Help.In(r.lang); h != "" {
			r.println(h)
		}
		for _, o := range opts {
			if h := o.Help.In(r.lang); h != "" {
				r.println("  " + o.Value + ": " + h)
			}
		}
	}
	check := func(v string) []flows.Problem { return flows.CheckValue(f, ctx, v) }
	def := cur
	switch {
	case def == "" && f.Required:
		def = r.t(i18n.T("none, required", "无,必填"))
	case def == "":
		def = r.t(i18n.T("none, left out", "无,省略"))
	}
	v, err := r.askChoice(label, opts, cur, def, closed, numbered(f, opts), check, help)
	if err != nil {
		return err
	}
	if v != cur || !a.Has(s.Path) {
		r.api.Set(a, s.Path, v)
	}
	r.echo(r.label(f), r.display(opts, v))
	for _, p := range flows.ProblemsAt(r.api.Validate(a), s.Path) {
		if p.Warning {
			r.println("  " + r.t(i18n.T("warning: ", "警告:")) + p.Msg.In(r.lang))
		}
	}
	return nil
}

// numbered reports whether choices get numbers. They do not when a number could be read two
// ways: a numeric field (is "3" the third choice or the value 3?) or an option whose value is
// itself a choice number (Duration's only value is "1").
func numbered(f *flows.Field, opts []flows.Option) bool {
	if len(opts) == 0 || f.Kind == flows.Integer || f.Kind == flows.Number {
		return false
	}
	for _, o := range opts {
		if n, err := strconv.Atoi(o.Value); err == nil && n >= 1 && n <= len(opts) {
			return false
		}
	}
	return true
}

// askChoice lists the options and asks until an answer passes check. closed means only the
// options are accepted; otherwise they are suggestions and any text is checked.
func (r *runner) askChoice(label string, opts []flows.Option, cur, def string, closed, numbers bool,
	check func(string) []flows.Problem, help func()) (string, error) {
	for i, o := range opts {
		if numbers {
			r.println("  " + strconv.Itoa(i+1) + ") " + r.optionText(o))
		} else {
			r.println("  " + r.optionText(o))
		}
	}
	p := label + " (" + r.t(i18n.T("default", "默认")) + ": " + def + "): "
	if r.lang == i18n.ZH {
		p = label + "(" + r.t(i18n.T("default", "默认")) + ":" + def + "): "
	}
	for {
		s, err := r.prompt(p)
		if err != nil {
			return "", err
		}
		v, msg := r.resolve(s, opts, cur, closed, numbers)
		switch {
		case s == "?":
			help()
			continue
		case msg != nil:
			r.println(r.t(i18n.T("error: ", "错误:")) + msg.In(r.lang))
			continue
		}
		if probs := check(v); flows.Blocking(probs) {
			for _, pr := range probs {
				if !pr.Warning { // the field named, as a rule's words ("is not a region id") need it
					r.println(r.t(i18n.T("error: ", "错误:")) + label + r.t(i18n.T(": ", ":")) + pr.Msg.In(r.lang))
				}
			}
			continue
		}
		return v, nil
	}
}

// resolve turns a typed line into a value: blank keeps the default, - leaves the field out, a
// number picks a choice, anything else is a value (matched to an option when one fits; one
// outside closed choices is left to flows.CheckValue, which names the documented rule).
func (r *runner) resolve(s string, opts []flows.Option, cur string, closed, numbers bool) (string, *i18n.Text) {
	switch s {
	case "":
		return cur, nil
	case "-":
		return "", nil
	}
	if numbers {
		if n, err := strconv.Atoi(s); err == nil {
			if n < 1 || n > len(opts) {
				t := i18n.Tf("there is no choice %d: type a number from 1 to %d", "没有第 %d 项:请输入 1 到 %d 之间的数字", n, len(opts))
				return "", &t
			}
			return opts[n-1].Value, nil
		}
	}
	if isBool(opts) {
		switch strings.ToLower(s) {
		case "y", "yes", "是":
			return "true", nil
		case "n", "no", "否":
			return "false", nil
		}
	}
	for _, o := range opts {
		if o.Value == s {
			return s, nil
		}
	}
	var fold []string
	for _, o := range opts {
		if strings.EqualFold(o.Value, s) {
			fold = append(fold, o.Value)
		}
	}
	if len(fold) == 1 {
		return fold[0], nil
	}
	return s, nil
}

func isBool(opts []flows.Option) bool {
	return len(opts) == 2 && opts[0].Value == "true" && opts[1].Value == "false"
}

// optionText is "value · label", or the label alone for the API list (its value is an id).
// A look-up's values and labels come from the account (VPC and server group names): inert.
func (r *runner) optionText(o flows.Option) string {
	o.Value = providers.Printable(o.Value)
	l := providers.Printable(o.Label.In(r.lang))
	switch {
	case l == "" || l == o.Value:
		return o.Value
	case strings.Contains(o.Value, "/"):
		return l + " (" + o.Value + ")"
	}
	return o.Value + " · " + l
}

// display renders an accepted value the way the options list showed it.
func (r *runner) display(opts []flows.Option, v string) string {
	if v == "" {
		return r.t(i18n.T("none, left out", "无,省略"))
	}
	for _, o := range opts {
		if o.Value == v {
			return r.optionText(o)
		}
	}
	return v
}

// askCount asks how many items a repeated group has and adds or removes items at the end.
func (r *runner) askCount(s flows.Slot, label string) error {
	a := r.answers[r.api.ID]
	f := s.Field
	cur := a.Count(s.Path)
	bounds := i18n.Tf("at least %d", "至少 %d", f.MinItems)
	if f.MaxItems > 0 {
		bounds = i18n.Tf("%d to %d", "%d 到 %d", f.MinItems, f.MaxItems)
	}
	p := i18n.Tf("%s: how many? (%s) (default: %d): ", "%s:几项?(%s)(默认:%d): ", label, bounds.In(r.lang), cur).In(r.lang)
	n := cur
	for {
		line, err := r.prompt(p)
		if err != nil {
			return err
		}
		if line == "?" {
			r.println(f.Help.In(r.lang))
			continue
		}
		if line != "" {
			v, err := strconv.Atoi(line)
			if err != nil || v < f.MinItems || (f.MaxItems > 0 && v > f.MaxItems) {
				r.println(r.t(i18n.T("error: ", "错误:")) + i18n.Tf("type a whole number, %s", "请输入整数,%s", bounds.In(r.lang)).In(r.lang))
				continue
			}
			n = v
		}
		break
	}
	for a.Count(s.Path) < n {
		r.api.AddItem(a, s.Path)
	}
	for a.Count(s.Path) > n {
		r.api.RemoveItem(a, s.Path, a.Count(s.Path)-1)
	}
	r.echo(r.label(f), strconv.Itoa(n))
	return nil
}

// optionsOf is what a field offers: its documented values (yes/no for a Boolean without any),
// then the look-up's results not already documented — as the wizard's pickers do.
func (r *runner) optionsOf(s flows.Slot) ([]flows.Option, error) {
	f := s.Field
	a := r.answers[r.api.ID]
	var found []flows.Option
	if f.Lookup != "" && r.o.Provider != nil {
		var err error
		if found, err = r.lookup(s, a); err != nil {
			return nil, err
		}
	}
	return f.OfferedAt(s.Ctx(a), found), nil
}

// lookup runs a field's provider look-up once per region and project, announced in one line.
// A failed look-up only says so: the field stays answerable by typing.
func (r *runner) lookup(s flows.Slot, a *flows.Answers) ([]flows.Option, error) {
	f := s.Field
	q := lookups.QueryFor(r.api, s, a)
	region := q.Region
	key := lookups.Key(providers.Target{}, q)
	if opts, ok := r.lookups[key]; ok {
		return opts, nil
	}
	timeout := lookups.Wait(r.o.LookupTimeout)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	type answer struct {
		opts []flows.Option
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		opts, err := r.o.Provider.Lookup(ctx, q)
		done <- answer{opts, err}
	}()
	r.print(i18n.Tf("Looking up %s in %s… ", "正在查询 %s(%s)…", r.label(f), region).In(r.lang))
	var ans answer
	select {
	case ans = <-done:
	case <-r.in.interrupt:
		cancel()
		r.println("")
		return nil, errCanceled
	}
	if ans.err != nil {
		// The cloud's or the SDK's text: shown inert.
		t := i18n.TextOf(ans.err) // an error's own words in both languages, where it has them
		why := i18n.T(providers.Printable(t.EN), providers.Printable(t.ZH))
		r.println(i18n.Tf("failed: %s; type the value yourself.", "失败:%s;请自行输入取值。", why).In(r.lang))
	} else {
		r.println(i18n.Tf("found %d.", "找到 %d 项。", len(ans.opts)).In(r.lang))
	}
	r.lookups[key] = ans.opts
	return ans.opts, nil
}
