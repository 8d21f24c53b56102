package ui

import "cloudorder/flows"

// tf fills a two-language format text.
func tf(t flows.Text, args ...any) flows.Text { return flows.Tf(t.EN, t.ZH, args...) }

// Every string the wizard shows, in English and Chinese. Field labels, help and option texts
// come from flows; these are the wizard's own words.
var (
	txtReview     = flows.T("Review", "审阅")
	txtSubmitting = flows.T("Placing order", "正在下单")
	txtResult     = flows.T("Result", "结果")

	txtAPIField = flows.T("API", "接口")
	txtAPIHelp  = flows.T("Which ordering API to use. Each API has its own fields; answers are kept per API.",
		"选择下单接口。每个接口有各自的字段;各接口的回答会分别保留。")

	txtRequired       = flows.T("required", "必填")
	txtOptional       = flows.T("optional", "可选")
	txtNotSent        = flows.T("wizard only: not sent", "仅用于向导:不发送")
	txtDefault        = flows.T("default", "默认")
	txtExample        = flows.T("example", "示例")
	txtOptions        = flows.T("Documented values", "文档取值")
	txtSuggested      = flows.T("Suggestions (any value is accepted)", "建议值(也可输入其他值)")
	txtLookedUp       = flows.T("From your account", "来自账号的查询结果")
	txtLookingUp      = flows.T("looking up values…", "正在查询可选值…")
	txtLookingUpShort = flows.T("looking up…", "查询中…")
	// txtLookupFailed takes the reason: the field stays typable.
	txtLookupFailed        = flows.T("look-up failed: %s; you can still type a value", "查询失败:%s;仍可手动输入")
	txtLookupFailedAtField = flows.T("look-up failed: type a value (see help)", "查询失败;可手动输入(原因见帮助面板)")
	txtLookupRefused       = flows.T("the cloud refused it with code %s", "云平台拒绝了查询,错误码 %s")
	txtLookupNotAsked      = flows.T("it could not be asked", "无法发起查询")
	txtLookupNoAnswer      = flows.T("no clear answer came back", "未收到明确应答")
	txtCredentials         = flows.T("Credentials orders will use", "下单将使用的凭证")
	txtPrice               = flows.T("Price", "价格")
	txtUnpaid              = flows.T("This order was created UNPAID: nothing is bought until it is paid (in the console, or with p here).",
		"此订单已创建但尚未支付:支付前不会产生购买(可在控制台支付,或在此按 p)。")
	txtConsole  = flows.T("pay in the console", "在控制台支付")
	txtPayOffer = flows.T("p pays it now with BSS PayOrders: you will see what is paid and confirm with y first.",
		"按 p 通过 BSS PayOrders 立即支付:会先显示支付内容,按 y 确认后才发送。")
	txtPayKeys     = flows.T("y pays · n/esc cancels", "y 支付 · n/esc 取消")
	txtPaying      = flows.T("Paying the order… (sent once; keys wait for the answer)", "正在支付订单…(仅发送一次;收到结果前按键无效)")
	txtPaid        = flows.T("Order paid.", "订单已支付。")
	txtPayFailed   = flows.T("The payment failed:", "支付失败:")
	txtPayUnknown  = flows.T("It may have been paid: check the console before paying again.", "可能已经支付:再次支付前请先查看控制台。")
	txtPricing     = flows.T("asking the cloud's price inquiry…", "正在向云平台询价…")
	txtPath        = flows.T("JSON path", "JSON 路径")
	txtEmpty       = flows.T("(empty)", "(空)")
	txtItems       = flows.T("%d item(s)", "%d 项")
	txtItemsHint   = flows.T("a / + adds an item, x / - removes the last", "a / + 添加一项,x / - 删除最后一项")
	txtItemHint    = flows.T("x / - removes this item", "x / - 删除此项")
	txtFilter      = flows.T("filter", "筛选")
	txtNoMatch     = flows.T("no value matches", "没有匹配的取值")
	txtMoreInPanel = flows.T("(more in the help panel)", "(详见帮助面板)")
	txtFixField    = flows.T("This field needs a valid answer first (✗ above); ↓ moves on, esc goes back.", "请先为此字段填写有效的值(见上方 ✗);↓ 可移到下一项,esc 返回上一步。")

	txtBlocked     = flows.T("Fix the problems marked ✗ in this step to continue (esc goes back).", "请先修正本步骤中标记 ✗ 的问题(esc 可返回上一步)。")
	txtOtherProbs  = flows.T("Other problems in this step", "本步骤的其他问题")
	txtLoadedFrom  = flows.T("Loaded from %s", "已从 %s 载入")
	txtLoadProbs   = flows.T("Left out of this order (the file says more than it can carry):", "以下内容未纳入此订单(文件内容超出订单可承载的范围):")
	txtFixFirst    = flows.T("The order has problems; go back (esc) and fix them before placing it.", "订单存在问题;请返回(esc)修正后再下单。")
	txtEnterNoSend = flows.T("Enter does not place orders: press y to place it, s to save it.", "Enter 不会下单:按 y 下单,按 s 保存。")
	txtEnterDryRun = flows.T("Dry run: nothing is sent. Press s to save the order file.", "演练模式:不会发送。按 s 保存订单文件。")
	txtDryRunNoY   = flows.T("Dry run: orders are not placed. Press s to save the order file.", "演练模式不下单。按 s 保存订单文件。")

	txtTarget      = flows.T("Target", "目标")
	txtEndpoint    = flows.T("endpoint", "终端节点")
	txtCredential  = flows.T("credential", "凭证")
	txtKey         = flows.T("access key", "访问密钥")
	txtSandboxKeys = flows.T("the sandbox's built-in keys", "沙箱内置密钥")
	txtAnswers     = flows.T("Answers", "回答")
	txtBodyShort   = flows.T("JSON", "JSON 请求体")
	txtLines       = flows.T("lines %d–%d of %d", "第 %d–%d 行,共 %d 行")
	txtJumpTitle   = flows.T("Jump to a field (type to filter · enter opens it · esc closes)", "跳到字段(输入以筛选 · enter 打开 · esc 关闭)")
	txtJumpHint    = flows.T("Press e, then enter, to go to %s.", "按 e 再按 enter 可跳到 %s。")
	txtProject     = flows.T("project", "项目")
	txtMode        = flows.T("mode", "模式")
	txtNone        = flows.T("none", "无")
	txtSummary     = flows.T("Summary", "摘要")
	txtBodyTitle   = flows.BodyTitle
	txtProblems    = flows.T("Problems", "问题")
	txtWarnings    = flows.T("Warnings", "警告")

	txtSaveAsk    = flows.T("Save the order file to", "订单文件保存到")
	txtSaveExists = flows.T("%s exists. Overwrite it? y overwrites · n/esc cancels", "%s 已存在。覆盖吗?y 覆盖 · n/esc 取消")
	txtSaved      = flows.T("Saved %s", "已保存 %s")
	txtSaveFailed = flows.T("Could not save: %v", "保存失败:%v")

	txtDupAsk = flows.T("An identical order succeeded %s ago (order %s). Place it AGAIN? Type again to place a second order · n/esc cancels",
		"相同订单已于 %s 前成功(订单 %s)。确定再次下单吗?输入 again 下第二个订单 · n/esc 取消")
	txtDupUnknownAsk = flows.T("Careful: %s. Sending it again could buy twice. Send AGAIN anyway? Type again to send · n/esc cancels",
		"注意:%s。再次发送可能重复购买。仍要再次发送吗?输入 again 发送 · n/esc 取消")
	txtUnknownAsk = flows.T("The last attempt's outcome is unknown: it may have been placed. Send AGAIN anyway? Type again to send · n/esc cancels",
		"上次下单结果未知,订单可能已创建。仍要再次发送吗?输入 again 发送 · n/esc 取消")
	txtLeaveAsk = flows.T("The order is still UNPAID. Quit without paying? y quits · n/esc stays (p pays)",
		"订单尚未支付。不支付就退出吗?y 退出 · n/esc 留下(p 支付)")
	txtQuitAsk = flows.T("An order is in flight. Quit now? The outcome may stay unknown: check `cloudorder history` and the console. y quits · n keeps waiting",
		"订单正在提交。现在退出吗?结果可能未知:请查看 `cloudorder history` 与控制台。y 退出 · n 继续等待")

	txtSending      = flows.T("Sending the order… keys are ignored until the answer arrives (ctrl+c asks first).", "正在发送订单… 收到结果前按键无效(ctrl+c 会先询问)。")
	txtChecking     = flows.T("Checking the history for an identical order…", "正在检查历史中的相同订单…")
	txtCheckStopped = flows.T("Stopped while checking the history: nothing was sent.", "已在检查历史时停止:未发送任何内容。")
	txtElapsedOf    = flows.T("Placing the order · %v elapsed of the %v limit", "正在下单 · 已用时 %v,上限 %v")
	txtElapsedOnly  = flows.T("Placing the order · %v elapsed", "正在下单 · 已用时 %v")

	txtPlaced    = flows.T("Order placed", "下单成功")
	txtOrderID   = flows.T("order id", "订单 ID")
	txtRequestID = flows.T("request id", "请求 ID")
	txtCopySent  = flows.T("The order ID was sent to the terminal's clipboard (OSC 52); your terminal may not support it.", "订单 ID 已通过 OSC 52 发送到终端剪贴板;你的终端可能不支持。")
	txtScrollIDs = flows.T("The IDs are printed again when you quit, so they stay in the scrollback.", "退出时会再次打印这些 ID,便于在终端中查阅。")
	txtResponse  = flows.T("Response", "响应")

	txtNetDNS          = flows.T("The endpoint's host name could not be found.", "找不到终端节点的主机名。")
	txtNetRefused      = flows.T("Nothing is listening at the endpoint: the connection was refused.", "终端节点拒绝了连接(没有服务在监听)。")
	txtNetTimeout      = flows.T("No answer arrived in time.", "在时限内没有收到应答。")
	txtNetTimeoutLimit = flows.T("No answer arrived within the %v limit (--timeout).", "在 %v 的时限(--timeout)内没有收到应答。")
	txtNetReset        = flows.T("The connection was cut before the answer arrived.", "在收到应答前连接被中断。")
	txtNetEOF          = flows.T("The server closed the connection without answering.", "服务器未应答就关闭了连接。")
	txtCode            = flows.T("code", "错误码")
	txtMessage         = flows.T("message", "信息")
	txtHTTP            = flows.T("HTTP status", "HTTP 状态")
)

// Key help texts.
var (
	khMove       = flows.T("move", "移动")
	khNext       = flows.T("next", "下一项")
	khBack       = flows.T("back", "返回")
	khChange     = flows.T("change", "切换取值")
	khToggle     = flows.T("toggle", "切换")
	khList       = flows.T("list", "列表")
	khPick       = flows.T("pick", "选定")
	khCancel     = flows.T("cancel", "取消")
	khAdd        = flows.T("add item", "添加一项")
	khRemove     = flows.T("remove item", "删除一项")
	khPlace      = flows.T("place order", "下单")
	khSave       = flows.T("save", "保存")
	khScroll     = flows.T("scroll", "滚动")
	khPage       = flows.T("page", "翻页")
	khCopy       = flows.T("copy order id", "复制订单 ID")
	khPay        = flows.T("pay it…", "支付…")
	khHelp       = flows.T("help", "帮助")
	khCloseHelp  = flows.T("close help", "关闭帮助")
	khQuit       = flows.T("quit", "退出")
	khYes        = flows.T("yes", "是")
	khNo         = flows.T("no", "否")
	khDone       = flows.T("done", "完成")
	khPrevField  = flows.T("previous field", "上一项")
	khAccept     = flows.T("complete", "补全")
	khHelpScroll = flows.T("scroll help", "滚动帮助")
	khErase      = flows.T("erase", "删除")
	khEdit       = flows.T("edit a field", "修改字段")
	khPane       = flows.T("summary/JSON/CLI", "摘要/JSON/命令")
	khWrite      = flows.T("write", "写入")
)

// The review's command view (review_cli.go).
var (
	txtCommandTitle = flows.T("%s CLI command (%s)", "%s 命令行命令(%s)")
	txtCommandShort = flows.T("Command (%s)", "命令(%s)")
	txtCommandNone  = flows.T("No command can be shown: %v", "无法显示命令:%v")
	txtNoEndpoint   = flows.T("the endpoint this order would go to is not known (the wizard runs without a cloud connection). Save the order file (s), then run: cloudorder command FILE",
		"不知道此订单将发往的终端节点(向导未连接云平台)。请先保存订单文件(s),再运行:cloudorder command 文件")
	txtCommandCopied = flows.T("The %s command was sent to the terminal's clipboard (OSC 52); your terminal may not support it.",
		"%s 命令已通过 OSC 52 发送到终端剪贴板;你的终端可能不支持。")
	txtCommandAlso = flows.T("The %s command is saved beside the order file too, under the same name ending in %s.",
		"%s 命令也会保存在订单文件旁,文件名相同,以 %s 结尾。")
	txtCommandOtherShell = flows.T("x shows the command for another shell.", "按 x 可查看其他 shell 的命令。")
	txtSavedBoth         = flows.T("Saved %s and %s", "已保存 %s 与 %s")
	txtCommandNotSaved   = flows.T("Saved %s, but not the command: %v", "已保存 %s,但命令未保存:%v")
	khCopyCommand        = flows.T("copy", "复制")
	khShell              = flows.T("shell", "切换 shell")
)

// txtQuitInFlight is the fact the exit report gives after ctrl+c and y while an order was in
// flight (the outcome table adds the headline and advice).
var txtQuitInFlight = flows.T("you quit while the order was in flight; no answer was awaited",
	"订单发送途中退出,未等待应答")
