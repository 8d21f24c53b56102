package plain

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
	"cloudorder/ui/lookups"
)

// review prints the order as plain sections — mode, summary, problems, the request JSON, the
// CLI command — then places it only on a typed "yes" (a dry run saves the order file instead).
// Blocking problems send the person back to a step of their choice.
func (r *runner) review() (Outcome, error) {
	for {
		a := r.answers[r.api.ID]
		problems := r.api.Validate(a)
		rev := placement.NewReview(r.o.Provider, r.o.Mode, r.api, r.api.Build(a))
		var price placement.Price
		if rev.Sends && !flows.Blocking(problems) {
			ctx, cancel := context.WithTimeout(context.Background(), lookups.Wait(r.o.LookupTimeout))
			price = placement.PriceOf(ctx, r.o.Provider, nil, rev)
			cancel()
		}
		r.printReview(rev, price, problems)
		if flows.Blocking(problems) {
			if err := r.fixStep(); err != nil {
				return Outcome{}, err
			}
			continue
		}
		if !rev.Sends {
			return r.save(rev.Order)
		}
		return r.place(rev, price)
	}
}

func (r *runner) section(t i18n.Text) {
	r.println("")
	r.println("== " + t.In(r.lang) + " ==")
}

func (r *runner) printReview(rev placement.Review, price placement.Price, problems []flows.Problem) {
	o, t := rev.Order, rev.Target
	r.section(i18n.T("Review", "审阅"))
	kv := func(k i18n.Text, v string) {
		if v == "" {
			v = r.t(i18n.T("(none)", "(无)"))
		}
		r.println("  " + k.In(r.lang) + ": " + v)
	}
	kv(i18n.T("Mode", "模式"), r.t(t.Mode.Banner(t.Endpoint)[0]))
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
	kv(i18n.T("Digest", "摘要"), rev.Digest)
	if lines := price.Lines(); len(lines) > 0 {
		r.section(i18n.T("Price", "价格"))
		for _, l := range lines {
			r.println("  " + l.In(r.lang))
		}
	}
	if rev.Unpaid && rev.Sends {
		r.println("  " + placement.UnpaidNote.In(r.lang))
	}

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
		kind := i18n.T("error: ", "错误:")
		if p.Warning {
			kind = i18n.T("warning: ", "警告:")
		}
		r.println("  " + r.t(kind) + providers.Printable(p.Path) + ": " + p.Msg.In(r.lang))
	}

	r.section(flows.BodyTitle)
	r.println(o.BodyJSON())

	m, ok := clicmd.For(rev.Target.CLI)
	if !ok {
		return
	}
	r.section(i18n.Tf("The same order as a CLI command: %s (sh)", "同一订单对应的命令行命令:%s(sh)", m.Tool))
	text, err := rev.Command(clicmd.SH, r.lang)
	if err != nil {
		r.println("  (" + i18n.TextOf(err).In(r.lang) + ")")
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

// place asks the lifecycle's questions as typed words — yes to place, then, when an identical
// order succeeded or may have, the word again — and sends the order once. On a terminal a
// line typed before its question was shown does not answer it (placement.Debounce); a piped
// transcript is protected by the distinct word alone. While the order is in flight ctrl+c
// asks first: quitting then leaves the outcome unknown.
func (r *runner) place(rev placement.Review, price placement.Price) (Outcome, error) {
	r.println("")
	if r.o.ExpectDigest != "" { // --expect-digest: only the approved order (placement.Send refuses another)
		rev.Expect = r.o.ExpectDigest
		r.say(rev.DigestLine())
		if !rev.Reviewed() {
			// As submit --expect-digest: not the approved order, nothing sent, exit 1.
			r.say(i18n.T("Not placed.", "未下单。"))
			return Outcome{Failure: providers.Invalid, FailureText: placement.NotReviewed(rev.Digest, rev.Expect).In(r.lang)}, nil
		}
	}
	if !r.confirm(placement.AskPlace, i18n.T("Place this order? Type yes to place it (default: no): ", "确认下单?输入 yes 下单(默认:否): ")) {
		return r.notPlaced()
	}
	ctx, stop := r.interruptible()
	dup, err := placement.CheckDuplicate(ctx, r.o.Provider, rev)
	stop()
	if err != nil {
		return Outcome{}, errCanceled
	}
	if dup.Found {
		// Describe words each case (succeeded, outcome unknown, history unreadable) with
		// the server's ids shown inert.
		r.say(placement.DescribeRecent(dup.Recent))
		if !r.confirm(placement.AskPlaceAgain, i18n.Tf("Place it AGAIN? Type %s to place a second order (default: no): ",
			"要再次下单吗?输入 %s 下第二个订单(默认:否): ", placement.AgainWord)) {
			return r.notPlaced()
		}
	}
	r.say(i18n.T("Placing the order…", "正在下单…"))
	done := make(chan placement.Outcome, 1)
	go func() {
		done <- placement.Send(context.Background(), r.o.Provider, rev, price) // the provider bounds the wait (--timeout)
	}()
	warned := false
	for {
		select {
		case out := <-done:
			return r.result(out, rev.Target.Credential), nil
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

// interruptible is a context that ctrl+c ends before anything is sent (the history check).
func (r *runner) interruptible() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan struct{})
	go func() {
		select {
		case <-r.in.interrupt:
			cancel(placement.ErrInterrupted)
		case <-done:
		}
	}()
	return ctx, func() { close(done); cancel(nil) }
}

// notPlaced ends the session after a question was not answered yes: canceled at end of input.
func (r *runner) notPlaced() (Outcome, error) {
	if r.lastErr != nil {
		return Outcome{}, r.lastErr
	}
	r.say(i18n.T("Not placed.", "未下单。"))
	return Outcome{}, nil
}

// confirm asks one of the lifecycle's questions and reads answers until one counts: only the
// question's own word agrees; a line typed before the question was on a terminal's screen is
// ignored, and the person told so. End of input is kept in r.lastErr so the session ends
// canceled.
func (r *runner) confirm(a placement.Ask, prompt i18n.Text) bool {
	for {
		q := placement.NewQuestion(a, time.Now())
		s, err := r.prompt(prompt.In(r.lang))
		if err != nil {
			r.lastErr = err
			return false
		}
		v := q.Line(s, r.in.lastAt, r.o.Echoed)
		if v == placement.TooEarly {
			r.say(placement.TooEarlyText)
			continue
		}
		r.echo(r.t(i18n.T("Answer", "回答")), s)
		if a != placement.AskPlaceAgain && !strings.EqualFold(s, "yes") {
			return false // plain mode takes the word typed in full, never a lone y
		}
		return v == placement.Yes
	}
}

// result prints the outcome as `cloudorder submit` does: the IDs, "placed, unpaid — pay with
// …" for an order created unpaid, or the one advice table's words for a failure.
func (r *runner) result(out placement.Outcome, credential string) Outcome {
	if out.Placed() {
		res := out.Result
		r.say(i18n.T("Order placed.", "下单成功。"))
		r.println("order_id: " + providers.Printable(res.OrderID)) // server text: shown inert
		r.println("request_id: " + providers.Printable(res.RequestID))
		if out.Unpaid {
			r.say(placement.UnpaidLine(out.PayCommand, out.ConsoleURL))
		}
		if r.o.Mode == providers.Sandbox {
			r.say(placement.SandboxNothingBought)
		}
		for _, l := range placement.HistoryWarning(out.History, res.OrderID) {
			r.say(l)
		}
		return Outcome{OrderID: res.OrderID, RequestID: res.RequestID, Unpaid: out.Unpaid, History: out.History}
	}
	a := placement.Advise(out)
	r.say(a.Headline)
	if !out.Interrupted {
		for _, line := range out.Err.Facts() {
			r.println("  " + line)
		}
	}
	if !a.Hint.IsZero() {
		r.say(a.HintText(credential))
	}
	for _, l := range placement.HistoryWarning(out.History, "") {
		r.say(l)
	}
	return Outcome{Failure: out.Kind(), FailureText: out.Err.Error()}
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
			r.println(r.t(i18n.T("error: ", "错误:")) + r.t(i18n.Tf("%s exists; type another path", "%s 已存在,请输入其他路径", path)))
			continue
		}
		if err != nil {
			r.println(r.t(i18n.T("error: ", "错误:")) + err.Error())
			continue
		}
		r.println("saved: " + path)
		return Outcome{Saved: []string{path}}, nil
	}
}
