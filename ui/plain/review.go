package plain

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// review prints the order as plain sections — mode, summary, problems, the request JSON, the
// CLI command — then places it only on a typed "yes" (a dry run saves the order file instead).
// Blocking problems send the person back to a step of their choice.
func (r *runner) review() (Outcome, error) {
	for {
		a := r.answers[r.api.ID]
		problems := r.api.Validate(a)
		order := r.api.Build(a)
		target := providers.Target{Mode: r.o.Mode}
		if r.o.Provider != nil {
			target = r.o.Provider.Target(r.api.ID, a.Get("region"))
		}
		r.printReview(order, target, problems)
		if flows.Blocking(problems) {
			if err := r.fixStep(); err != nil {
				return Outcome{}, err
			}
			continue
		}
		if r.o.Mode == providers.DryRun || r.o.Provider == nil {
			return r.save(order)
		}
		return r.place(order)
	}
}

func (r *runner) section(t i18n.Text) {
	r.println("")
	r.println("== " + t.In(r.lang) + " ==")
}

func (r *runner) printReview(o flows.Order, t providers.Target, problems []flows.Problem) {
	r.section(i18n.T("Review", "审阅"))
	kv := func(k i18n.Text, v string) {
		if v == "" {
			v = r.t(i18n.T("(none)", "(无)"))
		}
		r.println("  " + k.In(r.lang) + ": " + v)
	}
	kv(txtModeLabel, r.t(t.Mode.Banner(t.Endpoint)[0]))
	kv(i18n.T("API", "接口"), string(o.API))
	if f := r.api.FieldAt("region"); f != nil { // Alibaba 地域, Huawei 区域: the API's own word
		kv(f.Label, o.Region)
	}
	if r.api.FieldAt("project_id") != nil {
		kv(i18n.T("Project", "项目"), o.ProjectID)
	}
	kv(i18n.T("Endpoint", "接入地址"), t.Endpoint)
	kv(i18n.T("Credential", "凭证"), t.Credential)
	kv(i18n.T("Access key", "访问密钥"), t.MaskedKey)

	r.section(i18n.T("Summary", "摘要"))
	a := r.answers[r.api.ID]
	for _, st := range r.api.Steps()[1:] {
		r.println(r.api.StepTitle(st).In(r.lang))
		for _, s := range r.api.Slots(a, st) {
			indent := strings.Repeat("  ", s.Depth+1)
			switch {
			case s.Heading:
				r.println(indent + r.headingTitle(s))
			case s.Field.Kind == flows.Array:
				r.println(indent + r.label(s.Field) + ": " + strconv.Itoa(a.Count(s.Path)))
			default:
				opts := s.Field.OptionsAt(s.Ctx(a))
				r.println(indent + r.label(s.Field) + ": " + r.display(opts, a.Get(s.Path)))
			}
		}
	}

	r.section(i18n.T("Problems", "问题"))
	if len(problems) == 0 {
		r.say(i18n.T("  none", "  无"))
	}
	for _, p := range problems {
		kind := txtError
		if p.Warning {
			kind = txtWarning
		}
		r.println("  " + r.t(kind) + providers.Printable(p.Path) + ": " + p.Msg.In(r.lang))
	}

	r.section(flows.BodyTitle)
	r.println(o.BodyJSON())

	m, ok := clicmd.For(o.API)
	if !ok {
		return
	}
	r.section(i18n.Tf("The same order as a CLI command: %s (sh)", "同一订单对应的命令行命令:%s(sh)", m.Tool))
	if t.Endpoint == "" {
		r.say(i18n.T("  (no endpoint known: the command needs one)", "  (接入地址未知,无法生成命令)"))
		return
	}
	text, err := clicmd.Render(o, t.Endpoint, clicmd.SH, r.lang)
	if err != nil {
		r.println("  " + err.Error())
		return
	}
	fmt.Fprint(r.o.Out, text)
}

// fixStep asks which step to change and asks it again.
func (r *runner) fixStep() error {
	r.println("")
	r.say(i18n.T("The order has problems and cannot be placed. Change a step:", "订单有问题,无法下单。请选择要修改的步骤:"))
	steps := r.api.Steps()[1:]
	opts := make([]flows.Option, len(steps))
	for i, st := range steps {
		opts[i] = flows.Option{Value: string(st), Label: r.api.StepTitle(st)}
	}
	first := string(steps[0])
	for _, p := range r.api.Validate(r.answers[r.api.ID]) {
		if f := r.api.FieldAt(p.Path); !p.Warning && f != nil {
			first = string(f.Step)
			break
		}
	}
	label := r.t(i18n.T("Step", "步骤"))
	v, err := r.askChoice(label, opts, first, r.api.StepTitle(flows.Step(first)).In(r.lang), true, true, func(string) []flows.Problem { return nil }, func() {})
	if err != nil {
		return err
	}
	for i, st := range steps {
		if string(st) == v {
			return r.walkStep(st, i+2, len(steps)+1)
		}
	}
	return nil
}

// place asks for the typed word yes, checks the history for a duplicate, and sends the order
// once. While it is in flight ctrl+c asks first: quitting then leaves the outcome unknown.
func (r *runner) place(o flows.Order) (Outcome, error) {
	r.println("")
	if r.o.ExpectDigest != "" { // --expect-digest: only the approved order, said before the question
		rv := placement.NewReview(r.o.Provider, r.o.Mode, o)
		rv.Expect = r.o.ExpectDigest
		r.say(rv.DigestLine())
		if !rv.Reviewed() {
			return r.notPlaced()
		}
	}
	if !r.confirm(i18n.T("Place this order? Type yes to place it (default: no): ", "确认下单?输入 yes 下单(默认:否): ")) {
		return r.notPlaced()
	}
	if df, ok := r.o.Provider.(providers.DuplicateFinder); ok {
		if rec, found := df.RecentDuplicate(o, providers.DuplicateWindow); found {
			// Describe words each case (succeeded, outcome unknown, history unreadable) with
			// the server's ids shown inert.
			r.say(rec.Describe())
			if !r.confirm(i18n.T("Place it again anyway? Type yes to place it (default: no): ", "仍要再次下单?输入 yes 下单(默认:否): ")) {
				return r.notPlaced()
			}
		}
	}
	r.say(i18n.T("Placing the order…", "正在下单…"))
	type answer struct {
		res providers.Result
		err error
	}
	done := make(chan answer, 1)
	go func() {
		res, err := r.o.Provider.Submit(context.Background(), o) // the provider bounds the wait (--timeout)
		done <- answer{res, err}
	}()
	warned := false
	for {
		select {
		case ans := <-done:
			return r.result(ans.res, ans.err), nil
		case <-r.in.interrupt:
			if warned {
				t := i18n.T("quit while the order was in flight: it may have been placed. Check `cloudorder history` and the console before trying again.",
					"订单发送途中退出:订单可能已创建。再次尝试前请查看 `cloudorder history` 与控制台。")
				r.say(t)
				return Outcome{Failure: providers.Unknown, FailureText: t.In(r.lang)}, nil
			}
			warned = true
			r.say(i18n.T("The order is in flight; waiting for the answer. Press ctrl+c again to quit anyway (its outcome would be unknown).",
				"订单发送中,正在等待应答。再按一次 ctrl+c 强制退出(订单结果将未知)。"))
		}
	}
}

// notPlaced ends the session after a question was not answered yes: canceled at end of input.
func (r *runner) notPlaced() (Outcome, error) {
	if r.lastErr != nil {
		return Outcome{}, r.lastErr
	}
	r.say(i18n.T("Not placed.", "未下单。"))
	return Outcome{}, nil
}

// confirm reads one answer; only the word yes agrees. End of input is kept in r.lastErr so
// the session ends canceled.
func (r *runner) confirm(q i18n.Text) bool {
	s, err := r.prompt(q.In(r.lang))
	if err != nil {
		r.lastErr = err
		return false
	}
	r.echo(r.t(i18n.T("Answer", "回答")), s)
	return strings.EqualFold(s, "yes")
}

// result prints the outcome as `cloudorder submit` does.
func (r *runner) result(res providers.Result, err error) Outcome {
	if err == nil {
		r.say(i18n.T("Order placed.", "下单成功。"))
		r.println("order_id: " + providers.Printable(res.OrderID)) // server text: shown inert
		r.println("request_id: " + providers.Printable(res.RequestID))
		if r.o.Mode == providers.Sandbox {
			r.say(providers.SandboxNothingBought)
		}
		return Outcome{OrderID: res.OrderID, RequestID: res.RequestID}
	}
	pe, out := providers.Failed(err) // the outcome table, worded as `cloudorder submit` words it
	r.say(out.Headline)
	for _, line := range pe.Facts() {
		r.println("  " + line)
	}
	if !out.Advice.IsZero() {
		r.say(out.Advice)
	}
	return Outcome{Failure: pe.Kind, FailureText: pe.Error()}
}

// save writes the order file of a dry run (mode 0600, never replacing a file). Blank accepts
// the offered path; - saves nothing.
func (r *runner) save(o flows.Order) (Outcome, error) {
	data, err := o.MarshalFile()
	if err != nil {
		return Outcome{}, err
	}
	name := o.FileName(r.now())
	def := "./" + name
	if r.o.SaveDir != "" {
		def = filepath.Join(r.o.SaveDir, name)
	}
	r.println("")
	p := i18n.Tf("Save the order file as (default: %s; - saves nothing): ", "订单文件保存为(默认:%s;输入 - 不保存): ", def).In(r.lang)
	for {
		path, err := r.prompt(p)
		if err != nil {
			return Outcome{}, err
		}
		switch path {
		case "-":
			r.say(i18n.T("Nothing saved.", "未保存。"))
			return Outcome{}, nil
		case "":
			path = def
		}
		err = config.WritePrivate(path, data, false)
		if errors.Is(err, fs.ErrExist) {
			r.println(r.t(txtError) + r.t(i18n.Tf("%s exists; type another path", "%s 已存在,请输入其他路径", path)))
			continue
		}
		if err != nil {
			r.println(r.t(txtError) + err.Error())
			continue
		}
		r.println("saved: " + path)
		return Outcome{Saved: []string{path}}, nil
	}
}
