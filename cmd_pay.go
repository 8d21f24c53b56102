package main

import (
	"bufio"
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/journal"
)

// payFlags are the options of `cloudorder pay`.
type payFlags struct {
	sendFlags
	region string
}

// newPayCmd is `cloudorder pay ORDER_ID`: its flags, then runPay.
func newPayCmd(c *cli) *cobra.Command {
	var f payFlags
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("pay ORDER_ID [flags]", "pay 订单号 [选项]")),
		Short: c.say(i18n.T("pay an order the cloud created unpaid (Huawei DSC), once", "支付云平台创建的未支付订单(华为云 DSC),只支付一次")),
		Long: c.say(i18n.T("Pay an order the cloud created unpaid (Huawei DSC) through BSS PayOrders: its review line "+
			"(order, amount, where), its own confirmation (or --yes), sent once, never retried, and journaled like an "+
			"order. An order this machine paid (or may have paid) is never paid again: the earlier payment is named.",
			"通过 BSS PayOrders 支付云平台创建的未支付订单(华为云 DSC):先显示审阅行(订单、金额、去向),单独确认(或 --yes),"+
				"只发送一次、从不重试,并像订单一样记入历史。本机已支付(或可能已支付)的订单不会再次支付:会指明先前的支付记录。")),
		Example: "cloudorder pay CS2612070607JI6E9\ncloudorder pay CS2612070607JI6E9 --yes --output json",
		Args:    exactArgs(1, i18n.T("one order id", "一个订单号")),
		RunE: func(_ *cobra.Command, args []string) error {
			return f.run(c, func() int { return runPay(c, f, args[0]) })
		},
	}
	c.addSendFlags(cmd, &f.sendFlags)
	fs := cmd.Flags()
	fs.StringVar(&f.region, "region", "", c.say(i18n.T("the order's `REGION` (e.g. cn-north-4), when this machine's history does not hold the order",
		"订单所在`区域`(本机历史中没有该订单时使用)")))
	return cmd
}

// runPay pays one unpaid order (docs/design.md, "Command line"). Exit codes: 0 paid · 1 the
// order's API has no payment step, or settings/credentials are missing · 2 usage error, an
// order not in the history without --region, no terminal to confirm on, a question answered
// no, or an order already paid (or maybe paid) from this machine · 3 the cloud refused the
// payment · 4 sent, outcome unknown (check the console before paying again) · 5 provably not
// sent · 130 interrupted before anything was sent.
func runPay(c *cli, f payFlags, orderID string) int {
	order, amount, currency, code := payTarget(c, f, orderID)
	if code != exitOK {
		return code
	}
	mode, p, closer, err := f.open(c)
	if err != nil {
		return refuseSetup(c, "pay", err)
	}
	defer closer.Close()
	review := placement.NewReview(p, mode, catalog.Flow(order.API), order)
	if _, payer := p.(providers.Payer); !review.Unpaid || !payer {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder pay: %s orders are not paid separately (nothing was sent)",
			"cloudorder pay:%s 订单无需单独支付(未发送任何内容)", order.API)))
		return exitInvalid
	}
	pay := placement.PayReview{Payment: providers.Payment{API: order.API, Region: order.Region, OrderID: orderID},
		Mode: review.Target.Mode, Amount: amount, Currency: currency}
	if earlier, found := placement.EarlierPayment(p, pay.Payment); found {
		fmt.Fprintln(c.stderr, c.say(placement.PaidBefore(earlier)))
		return exitUsage
	}
	ctx, stop := signalContext()
	defer stop()
	if pay.Amount == "" && len(order.Body) > 0 {
		// Not recorded at the review (a scripted submit): the list price of the order's own body.
		if pr := priceOf(ctx, p, review); pr.Err == nil && pr.Quote.Priced && len(pr.Mismatches) == 0 {
			pay.Amount, pay.Currency = pr.Quote.Total, pr.Quote.Currency
		}
	}
	fmt.Fprintln(c.stderr, c.say(review.Target.Mode.Banner(review.Target.Endpoint)[0]))
	fmt.Fprintln(c.stderr, c.say(pay.Line()))
	if !f.yes {
		if !isTerminal(c.stdin) {
			fmt.Fprintln(c.stderr, c.say(i18n.T("not paid: pay asks for confirmation on a terminal; stdin is not one. Pass --yes to pay without asking.",
				"未支付:pay 需要在终端上确认,而标准输入不是终端。使用 --yes 可不经询问直接支付。")))
			return exitUsage
		}
		if code := ask(ctx, c, bufio.NewReader(c.stdin), placement.AskPay, i18n.T("Pay this order? [y/N] ", "支付此订单?[y/N] ")); code != exitOK {
			return code
		}
	}
	out := payOnce(ctx, p, pay, f.timeout)
	if !out.Placed() {
		// In the payment's words: a refused payment paid nothing; the order exists either way.
		return reportAdvice(c, submitFlags{sendFlags: sendFlags{output: f.output}}, out, placement.AdvisePayment(out), review.Target.Credential, false)
	}
	if f.output == "json" {
		writeJSONLine(c.stdout, map[string]any{"order_id": orderID, "request_id": out.Result.RequestID, "paid": true})
	} else {
		fmt.Fprintln(c.stdout, c.say(placement.PaidLine(orderID, out.Result.RequestID)))
	}
	if review.Target.Mode == providers.Sandbox {
		fmt.Fprintln(c.stderr, c.say(placement.SandboxNothingBought))
	}
	for _, l := range placement.HistoryWarning(out.History, orderID) {
		fmt.Fprintln(c.stderr, c.say(l))
	}
	return out.ExitCode()
}

// payTarget is the order to pay as the history holds it (its API, region, project, body and
// the amount reviewed), or, not found there, a DSC order in --region.
func payTarget(c *cli, f payFlags, orderID string) (o flows.Order, amount, currency string, code int) {
	e, found, err := journal.FindOrder(config.HistoryPath(c.getenv), orderID)
	switch {
	case err != nil && f.region == "":
		fmt.Fprintf(c.stderr, "cloudorder pay: %s\n", c.say(i18n.TextOf(err)))
		return o, "", "", exitUsage
	case found:
		in := e.Intent
		return flows.Order{API: in.API, Region: in.Region, ProjectID: in.ProjectID, Body: in.Body}, in.Amount, in.Currency, exitOK
	}
	api := unpaidAPI()
	if f.region == "" || api == "" {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder pay: order %s is not in this machine's history; pass --region to pay it as a %s order (nothing was sent)",
			"cloudorder pay:本机历史中没有订单 %s;请用 --region 指定区域,按 %s 订单支付(未发送任何内容)", providers.Printable(orderID), api)))
		return o, "", "", exitUsage
	}
	return flows.Order{API: api, Region: f.region}, "", "", exitOK
}

// unpaidAPI is the API whose orders are created unpaid (DSC), for an order the history does
// not hold: the registry says which, no API is named here.
func unpaidAPI() flows.APIID {
	for _, a := range catalog.Flows() {
		if cloud.CreatesUnpaid(a.ID) {
			return a.ID
		}
	}
	return ""
}

// payOnce pays within timeout; a signal ends it early (the journal records how it ended).
func payOnce(ctx context.Context, p providers.Provider, r placement.PayReview, timeout time.Duration) placement.Outcome {
	tctx, cancel := timeoutContext(ctx, timeout)
	defer cancel()
	return placement.Pay(tctx, p, r)
}
