// Package plain is the wizard as plain lines, for screen readers, dumb terminals and
// transcripts: the same flows (fields, options, defaults, rules all come from flows), one
// prompt per line on standard output, answers read line by line from standard input, and no
// terminal control of any kind — no colour, no cursor movement, no redraw.
package plain

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

// Options are what a plain session starts with.
type Options struct {
	// Provider places orders and answers look-ups; nil (a dry run without one) means no
	// look-ups and no target details.
	Provider  providers.Provider
	Mode      providers.Mode
	Lang      i18n.Lang
	ProjectID string // pre-fills project_id for the Huawei APIs
	// Regions are config.toml's [regions]: the default region per cloud ("alibaba", "huawei").
	Regions map[string]string
	// APIs are the APIs offered, in order, and the ones an order file may name: required (the
	// composition root passes catalog.Flows(); tests name theirs).
	APIs flows.Registry

	// From prefills the session from a loaded order file (--from).
	FromAPI     *flows.API
	FromAnswers *flows.Answers
	// ExpectDigest is the digest a reviewer approved (--expect-digest): only the order with
	// that digest is placed (placement.Review.Reviewed).
	ExpectDigest string

	In  io.Reader
	Out io.Writer
	// Echoed says the terminal already shows what the person typed (stdin is a TTY); when
	// false (a pipe), a line end follows each answer so the transcript keeps one prompt per line.
	Echoed bool
	// Interrupt delivers ctrl+c (os.Interrupt); nil in tests.
	Interrupt <-chan os.Signal

	SaveDir       string           // where a dry run's order file goes by default ("" = current directory)
	Now           func() time.Time // nil = time.Now
	LookupTimeout time.Duration    // each option look-up (0 = 10s)
}

// Outcome is how the session ended.
type Outcome struct {
	Canceled    bool // end of input or ctrl+c before anything was sent
	OrderID     string
	RequestID   string
	Saved       []string
	Failure     providers.Kind // the failed submission's kind, 0 when none
	FailureText string
	Unpaid      bool                    // the placed order was created unpaid
	History     *providers.HistoryError // the history could not record the placed order
}

// runner is one session.
type runner struct {
	o       Options
	lang    i18n.Lang
	in      *lines
	api     *flows.API
	answers map[flows.APIID]*flows.Answers
	lookups map[string][]flows.Option // by look-up key: results offered as suggestions
	lastErr error                     // end of input met at a yes/no question
}

// Run walks the flows line by line, reviews the order and places it only on a typed "yes".
func Run(o Options) Outcome {
	if len(o.APIs) == 0 {
		panic("plain.Run: Options.APIs is empty (the composition root passes catalog.Flows())")
	}
	if o.Lang == "" {
		o.Lang = i18n.EN
	}
	r := &runner{o: o, lang: o.Lang, in: newLines(o.In, o.Interrupt),
		answers: map[flows.APIID]*flows.Answers{}, lookups: map[string][]flows.Option{}}
	defer r.in.close()
	out, err := r.session()
	if errors.Is(err, errCanceled) {
		r.println("")
		r.say(placement.Cancelled)
		return Outcome{Canceled: true, Saved: out.Saved}
	}
	return out
}

func (r *runner) session() (Outcome, error) {
	r.say(i18n.T(
		"cloudorder, plain mode. One question per line: press Enter to accept the default, type ? for help on the field, - to leave an optional field out. End of input (ctrl+d) or ctrl+c cancels: nothing is placed.",
		"cloudorder 纯文本模式。每行一个问题:按回车接受默认值,输入 ? 查看字段说明,输入 - 省略可选字段。输入结束(ctrl+d)或 ctrl+c 取消:不会下单。"))
	endpoint := "" // an --endpoint serves every API: the first API's target names it
	if r.o.Mode == providers.LocalEndpoint && r.o.Provider != nil {
		endpoint = r.o.Provider.Target(r.apis()[0].ID, "").Endpoint
	}
	r.println(r.t(i18n.T("Mode", "模式")) + ": " + r.t(r.o.Mode.Banner(endpoint)[0]))
	if r.o.FromAPI != nil {
		r.answers[r.o.FromAPI.ID] = r.o.FromAnswers
		r.api = r.o.FromAPI
	}
	if err := r.chooseAPI(); err != nil {
		return Outcome{}, err
	}
	steps := r.api.Steps()
	for i, st := range steps[1:] {
		if err := r.walkStep(st, i+2, len(steps)); err != nil {
			return Outcome{}, err
		}
	}
	return r.review()
}

// chooseAPI is the first step: which ordering API. An order file (--from) names its API, so
// it is said, not asked: another API would not take the file's answers.
func (r *runner) chooseAPI() error {
	apis := r.apis()
	r.println("")
	// How many steps follow depends on the API chosen here.
	r.println(i18n.Tf("Step 1: %s", "第 1 步:%s", flows.StepTitle[flows.StepAPI].In(r.lang)).In(r.lang))
	label := r.t(i18n.T("API", "接口"))
	if r.o.FromAPI != nil {
		r.echo(label, r.api.Title.In(r.lang)+" ("+string(r.api.ID)+")")
		return nil
	}
	opts := make([]flows.Option, len(apis))
	for i, a := range apis {
		opts[i] = flows.Option{Value: string(a.ID), Label: a.Title}
	}
	cur := string(apis[0].ID)
	if r.api != nil {
		cur = string(r.api.ID)
	}
	known := func(v string) []flows.Problem {
		switch {
		case r.find(flows.APIID(v)) != nil:
			return nil
		case v == "":
			return []flows.Problem{{Path: "api", Msg: i18n.T("the API cannot be left out: type its number or its id",
				"接口不能省略:请输入其编号或 ID")}}
		}
		return []flows.Problem{{Path: "api", Msg: i18n.Tf("no API is named %q: type its number or its id (? lists them)",
			"没有名为 %q 的接口:请输入其编号或 ID(输入 ? 列出)", providers.Printable(v))}}
	}
	v, err := r.askChoice(label, opts, cur, r.displayAPI(cur), true, true, known, func() {
		for _, a := range apis {
			r.println("  " + string(a.ID) + ": " + a.Help.In(r.lang))
		}
	})
	if err != nil {
		return err
	}
	r.api = r.find(flows.APIID(v))
	if r.answers[r.api.ID] == nil {
		a := r.api.NewAnswers()
		r.api.Prefill(a, r.o.Regions[r.api.Cloud], r.o.ProjectID)
		r.answers[r.api.ID] = a
	}
	r.echo(label, r.api.Title.In(r.lang))
	return nil
}

// apis are the APIs offered (Options.APIs).
func (r *runner) apis() flows.Registry { return r.o.APIs }

// find is the offered API with id, or nil.
func (r *runner) find(id flows.APIID) *flows.API { return r.o.APIs.Find(id) }

func (r *runner) displayAPI(id string) string {
	if a := r.find(flows.APIID(id)); a != nil {
		return a.Title.In(r.lang)
	}
	return id
}

func (r *runner) stepTitle(st flows.Step, n, of int) string {
	return i18n.Tf("Step %d of %d: %s", "第 %d 步(共 %d 步):%s", n, of, r.api.StepTitle(st).In(r.lang)).In(r.lang)
}

func (r *runner) t(t i18n.Text) string { return t.In(r.lang) }

func (r *runner) say(t i18n.Text) { r.println(t.In(r.lang)) }

func (r *runner) println(s string) { fmt.Fprintln(r.o.Out, s) }

func (r *runner) print(s string) { fmt.Fprint(r.o.Out, s) }

// prompt writes a prompt (it ends with ": ") and reads the answer line.
func (r *runner) prompt(p string) (string, error) {
	fmt.Fprint(r.o.Out, p)
	s, err := r.in.next()
	if err == nil && !r.o.Echoed {
		fmt.Fprintln(r.o.Out)
	}
	return strings.TrimSpace(s), err
}

// echo confirms the accepted answer on its own line.
func (r *runner) echo(label, v string) {
	r.println("  " + label + " = " + v)
}

func (r *runner) now() time.Time {
	if r.o.Now != nil {
		return r.o.Now()
	}
	return time.Now()
}
