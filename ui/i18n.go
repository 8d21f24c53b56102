package ui

import (
	"cloudorder/flows"
	"cloudorder/i18n"
)

// tf fills a two-language format text.
func tf(t i18n.Text, args ...any) i18n.Text { return i18n.Tf(t.EN, t.ZH, args...) }

// Every string the wizard shows, in English and Chinese. Field labels, help and option texts
// come from flows; these are the wizard's own words.
var (
	txtReview     = i18n.T("Review", "审阅")
	txtSubmitting = i18n.T("Placing order", "正在下单")
	txtResult     = i18n.T("Result", "结果")

	txtAPIField = i18n.T("API", "接口")
	txtAPIHelp  = i18n.T("Which ordering API to use. Each API has its own fields; answers are kept per API.",
		"选择下单接口。每个接口有各自的字段;各接口的回答会分别保留。")

	txtRequired       = i18n.T("required", "必填")
	txtOptional       = i18n.T("optional", "可选")
	txtNotSent        = i18n.T("wizard only: not sent", "仅用于向导:不发送")
	txtDefault        = i18n.T("default", "默认")
	txtExample        = i18n.T("example", "示例")
	txtOptions        = i18n.T("Documented values", "文档取值")
	txtSuggested      = i18n.T("Suggestions (any value is accepted)", "建议值(也可输入其他值)")
	txtLookedUp       = i18n.T("From your account", "来自账号的查询结果")
	txtLookingUp      = i18n.T("looking up values…", "正在查询可选值…")
	txtLookingUpShort = i18n.T("looking up…", "查询中…")
	// txtLookupFailed takes the reason: the field stays typable.
	txtLookupFailed        = i18n.T("look-up failed: %s; you can still type a value", "查询失败:%s;仍可手动输入")
	txtLookupFailedAtField = i18n.T("look-up failed: type a value (see help)", "查询失败;可手动输入(原因见帮助面板)")
	txtLookupRefused       = i18n.T("the cloud refused it with code %s", "云平台拒绝了查询,错误码 %s")
	txtLookupNotAsked      = i18n.T("it could not be asked", "无法发起查询")
	txtLookupNoAnswer      = i18n.T("no clear answer came back", "未收到明确应答")
	txtCredentials         = i18n.T("Credentials orders will use", "下单将使用的凭证")
	txtPrice               = i18n.T("Price", "价格")
	txtUnpaid              = i18n.T("This order was created UNPAID: nothing is bought until it is paid (in the console, or with p here).",
		"此订单已创建但尚未支付:支付前不会产生购买(可在控制台支付,或在此按 p)。")
	txtConsole  = i18n.T("pay in the console", "在控制台支付")
	txtPayOffer = i18n.T("p pays it now with BSS PayOrders: you will see what is paid and confirm with y first.",
		"按 p 通过 BSS PayOrders 立即支付:会先显示支付内容,按 y 确认后才发送。")
	txtPayKeys     = i18n.T("y pays · n/esc cancels", "y 支付 · n/esc 取消")
	txtPaying      = i18n.T("Paying the order… (sent once; keys wait for the answer)", "正在支付订单…(仅发送一次;收到结果前按键无效)")
	txtPaid        = i18n.T("Order paid.", "订单已支付。")
	txtPricing     = i18n.T("asking the cloud's price inquiry…", "正在向云平台询价…")
	txtPath        = i18n.T("JSON path", "JSON 路径")
	txtEmpty       = i18n.T("(empty)", "(空)")
	txtItems       = i18n.T("%d item(s)", "%d 项")
	txtItemsHint   = i18n.T("a / + adds an item, x / - removes the last", "a / + 添加一项,x / - 删除最后一项")
	txtItemHint    = i18n.T("x / - removes this item", "x / - 删除此项")
	txtFilter      = i18n.T("filter", "筛选")
	txtNoMatch     = i18n.T("no value matches", "没有匹配的取值")
	txtMoreInPanel = i18n.T("(more in the help panel)", "(详见帮助面板)")
	txtFixField    = i18n.T("This field needs a valid answer first (✗ above); ↓ moves on, esc goes back.", "请先为此字段填写有效的值(见上方 ✗);↓ 可移到下一项,esc 返回上一步。")

	txtBlocked     = i18n.T("Fix the problems marked ✗ in this step to continue (esc goes back).", "请先修正本步骤中标记 ✗ 的问题(esc 可返回上一步)。")
	txtOtherProbs  = i18n.T("Other problems in this step", "本步骤的其他问题")
	txtLoadedFrom  = i18n.T("Loaded from %s", "已从 %s 载入")
	txtLoadProbs   = i18n.T("Left out of this order (the file says more than it can carry):", "以下内容未纳入此订单(文件内容超出订单可承载的范围):")
	txtFixFirst    = i18n.T("The order has problems; go back (esc) and fix them before placing it.", "订单存在问题;请返回(esc)修正后再下单。")
	txtEnterNoSend = i18n.T("Enter does not place orders: press y to place it, s to save it.", "Enter 不会下单:按 y 下单,按 s 保存。")
	txtEnterDryRun = i18n.T("Dry run: nothing is sent. Press s to save the order file.", "演练模式:不会发送。按 s 保存订单文件。")
	txtDryRunNoY   = i18n.T("Dry run: orders are not placed. Press s to save the order file.", "演练模式不下单。按 s 保存订单文件。")

	txtTarget      = i18n.T("Target", "目标")
	txtEndpoint    = i18n.T("endpoint", "终端节点")
	txtCredential  = i18n.T("credential", "凭证")
	txtKey         = i18n.T("access key", "访问密钥")
	txtSandboxKeys = i18n.T("the sandbox's built-in keys", "沙箱内置密钥")
	txtAnswers     = i18n.T("Answers", "回答")
	txtBodyShort   = i18n.T("JSON", "JSON 请求体")
	txtLines       = i18n.T("lines %d–%d of %d", "第 %d–%d 行,共 %d 行")
	txtJumpTitle   = i18n.T("Jump to a field (type to filter · enter opens it · esc closes)", "跳到字段(输入以筛选 · enter 打开 · esc 关闭)")
	txtJumpHint    = i18n.T("Press e, then enter, to go to %s.", "按 e 再按 enter 可跳到 %s。")
	txtProject     = i18n.T("project", "项目")
	txtMode        = i18n.T("mode", "模式")
	txtNone        = i18n.T("none", "无")
	txtSummary     = i18n.T("Summary", "摘要")
	txtBodyTitle   = flows.BodyTitle
	txtProblems    = i18n.T("Problems", "问题")
	txtWarnings    = i18n.T("Warnings", "警告")

	txtSaveAsk    = i18n.T("Save the order file to", "订单文件保存到")
	txtSaveExists = i18n.T("%s exists. Overwrite it? y overwrites · n/esc cancels", "%s 已存在。覆盖吗?y 覆盖 · n/esc 取消")
	txtSaved      = i18n.T("Saved %s", "已保存 %s")
	txtSaveFailed = i18n.T("Could not save: %v", "保存失败:%v")

	txtDupAsk = i18n.T("An identical order succeeded %s ago (order %s). Place it AGAIN? Type again to place a second order · n/esc cancels",
		"相同订单已于 %s 前成功(订单 %s)。确定再次下单吗?输入 again 下第二个订单 · n/esc 取消")
	txtDupUnknownAsk = i18n.T("Careful: %s. Sending it again could buy twice. Send AGAIN anyway? Type again to send · n/esc cancels",
		"注意:%s。再次发送可能重复购买。仍要再次发送吗?输入 again 发送 · n/esc 取消")
	txtUnknownAsk = i18n.T("The last attempt's outcome is unknown: it may have been placed. Send AGAIN anyway? Type again to send · n/esc cancels",
		"上次下单结果未知,订单可能已创建。仍要再次发送吗?输入 again 发送 · n/esc 取消")
	txtLeaveAsk = i18n.T("The order is still UNPAID. Quit without paying? y quits · n/esc stays (p pays)",
		"订单尚未支付。不支付就退出吗?y 退出 · n/esc 留下(p 支付)")
	txtQuitAsk = i18n.T("An order is in flight. Quit now? The outcome may stay unknown: check `cloudorder history` and the console. y quits · n keeps waiting",
		"订单正在提交。现在退出吗?结果可能未知:请查看 `cloudorder history` 与控制台。y 退出 · n 继续等待")

	txtSending      = i18n.T("Sending the order… keys are ignored until the answer arrives (ctrl+c asks first).", "正在发送订单… 收到结果前按键无效(ctrl+c 会先询问)。")
	txtChecking     = i18n.T("Checking the history for an identical order…", "正在检查历史中的相同订单…")
	txtCheckStopped = i18n.T("Stopped while checking the history: nothing was sent.", "已在检查历史时停止:未发送任何内容。")
	txtElapsedOf    = i18n.T("Placing the order · %v elapsed of the %v limit", "正在下单 · 已用时 %v,上限 %v")
	txtElapsedOnly  = i18n.T("Placing the order · %v elapsed", "正在下单 · 已用时 %v")

	txtPlaced      = i18n.T("Order placed", "下单成功")
	txtOrderID     = i18n.T("order id", "订单 ID")
	txtRequestID   = i18n.T("request id", "请求 ID")
	txtCopySent    = i18n.T("The order ID was sent to the terminal's clipboard (OSC 52); your terminal may not support it.", "订单 ID 已通过 OSC 52 发送到终端剪贴板;你的终端可能不支持。")
	txtCopyRefused = i18n.T("The order ID was not copied: it does not have the shape the API documents for its order ids, so it could hold characters that act when pasted. Copy it from the screen above, where it is shown inert.",
		"订单 ID 未复制:它不符合接口文档规定的订单号格式,粘贴时其中的字符可能产生作用。请从上方屏幕复制(那里已按原样安全显示)。")
	txtScrollIDs = i18n.T("The IDs are printed again when you quit, so they stay in the scrollback.", "退出时会再次打印这些 ID,便于在终端中查阅。")
	txtResponse  = i18n.T("Response", "响应")

	txtNetDNS          = i18n.T("The endpoint's host name could not be found.", "找不到终端节点的主机名。")
	txtNetRefused      = i18n.T("Nothing is listening at the endpoint: the connection was refused.", "终端节点拒绝了连接(没有服务在监听)。")
	txtNetTimeout      = i18n.T("No answer arrived in time.", "在时限内没有收到应答。")
	txtNetTimeoutLimit = i18n.T("No answer arrived within the %v limit (--timeout).", "在 %v 的时限(--timeout)内没有收到应答。")
	txtNetReset        = i18n.T("The connection was cut before the answer arrived.", "在收到应答前连接被中断。")
	txtNetEOF          = i18n.T("The server closed the connection without answering.", "服务器未应答就关闭了连接。")
	txtCode            = i18n.T("code", "错误码")
	txtMessage         = i18n.T("message", "信息")
	txtHTTP            = i18n.T("HTTP status", "HTTP 状态")
)

// Key help texts.
var (
	khMove       = i18n.T("move", "移动")
	khNext       = i18n.T("next", "下一项")
	khBack       = i18n.T("back", "返回")
	khChange     = i18n.T("change", "切换取值")
	khToggle     = i18n.T("toggle", "切换")
	khList       = i18n.T("list", "列表")
	khPick       = i18n.T("pick", "选定")
	khCancel     = i18n.T("cancel", "取消")
	khAdd        = i18n.T("add item", "添加一项")
	khRemove     = i18n.T("remove item", "删除一项")
	khPlace      = i18n.T("place order", "下单")
	khSave       = i18n.T("save", "保存")
	khScroll     = i18n.T("scroll", "滚动")
	khPage       = i18n.T("page", "翻页")
	khCopy       = i18n.T("copy order id", "复制订单 ID")
	khPay        = i18n.T("pay it…", "支付…")
	khHelp       = i18n.T("help", "帮助")
	khCloseHelp  = i18n.T("close help", "关闭帮助")
	khQuit       = i18n.T("quit", "退出")
	khYes        = i18n.T("yes", "是")
	khTypeAgain  = i18n.T("type it to send again", "输入它以再次发送")
	khNo         = i18n.T("no", "否")
	khDone       = i18n.T("done", "完成")
	khPrevField  = i18n.T("previous field", "上一项")
	khAccept     = i18n.T("complete", "补全")
	khHelpScroll = i18n.T("scroll help", "滚动帮助")
	khErase      = i18n.T("erase", "删除")
	khEdit       = i18n.T("edit a field", "修改字段")
	khPane       = i18n.T("summary/JSON/CLI", "摘要/JSON/命令")
	khWrite      = i18n.T("write", "写入")
)

// The review's command view (review_cli.go).
var (
	txtCommandTitle = i18n.T("%s CLI command (%s)", "%s 命令行命令(%s)")
	txtCommandShort = i18n.T("Command (%s)", "命令(%s)")
	txtCommandNone  = i18n.T("No command can be shown: %v", "无法显示命令:%v")
	txtNoEndpoint   = i18n.T("the endpoint this order would go to is not known (the wizard runs without a cloud connection). Save the order file (s), then run: cloudorder command FILE",
		"不知道此订单将发往的终端节点(向导未连接云平台)。请先保存订单文件(s),再运行:cloudorder command 文件")
	txtCommandCopied = i18n.T("The %s command was sent to the terminal's clipboard (OSC 52); your terminal may not support it.",
		"%s 命令已通过 OSC 52 发送到终端剪贴板;你的终端可能不支持。")
	txtCommandAlso = i18n.T("The %s command is saved beside the order file too, under the same name ending in %s.",
		"%s 命令也会保存在订单文件旁,文件名相同,以 %s 结尾。")
	txtCommandOtherShell = i18n.T("x shows the command for another shell.", "按 x 可查看其他 shell 的命令。")
	txtSavedBoth         = i18n.T("Saved %s and %s", "已保存 %s 与 %s")
	txtCommandNotSaved   = i18n.T("Saved %s, but not the command: %v", "已保存 %s,但命令未保存:%v")
	khCopyCommand        = i18n.T("copy", "复制")
	khShell              = i18n.T("shell", "切换 shell")
)

// txtQuitInFlight is the fact the exit report gives after ctrl+c and y while an order was in
// flight (the outcome table adds the headline and advice).
var txtQuitInFlight = i18n.T("you quit while the order was in flight; no answer was awaited",
	"订单发送途中退出,未等待应答")
