package ui

import "cloudorder/flows"

// Every string the wizard shows, in English and Chinese. Field labels, help and option texts
// come from flows; these are the wizard's own words.
var (
	txtBannerSandbox = flows.T("SANDBOX · orders go to the local sandbox; nothing is bought",
		"沙箱 · 订单发往本地沙箱,不会真实购买")
	txtBannerDryRun = flows.T("DRY RUN · nothing is sent; review and save the order file",
		"演练 · 不发送任何请求;可审阅并保存订单文件")
	txtBannerLive = flows.T("LIVE · orders go to the real cloud and COST MONEY",
		"正式环境 · 订单发往真实云平台,会产生费用")

	txtReview     = flows.T("Review", "审阅")
	txtSubmitting = flows.T("Placing order", "正在下单")
	txtResult     = flows.T("Result", "结果")

	txtAPIField = flows.T("API", "接口")
	txtAPIHelp  = flows.T("Which ordering API to use. Each API has its own fields; answers are kept per API.",
		"选择下单接口。每个接口有各自的字段;各接口的回答会分别保留。")

	txtRequired  = flows.T("required", "必填")
	txtOptional  = flows.T("optional", "可选")
	txtNotSent   = flows.T("wizard only: not sent", "仅用于向导:不发送")
	txtDefault   = flows.T("default", "默认")
	txtExample   = flows.T("example", "示例")
	txtOptions   = flows.T("Documented values", "文档取值")
	txtSuggested = flows.T("Suggestions (any value is accepted)", "建议值(也可输入其他值)")
	txtLookedUp  = flows.T("From your account", "来自账号的查询结果")
	txtLookingUp = flows.T("looking up values…", "正在查询可选值…")
	txtLookupBad = flows.T("look-up failed (you can still type a value)", "查询失败(仍可手动输入)")
	txtPath      = flows.T("JSON path", "JSON 路径")
	txtEmpty     = flows.T("(empty)", "(空)")
	txtItems     = flows.T("%d item(s)", "%d 项")
	txtItemsHint = flows.T("a / + adds an item, x / - removes the last", "a / + 添加一项,x / - 删除最后一项")
	txtItemHint  = flows.T("x / - removes this item", "x / - 删除此项")
	txtFilter    = flows.T("filter", "筛选")
	txtNoMatch   = flows.T("no value matches", "没有匹配的取值")
	txtMore      = flows.T("more", "更多")

	txtBlocked     = flows.T("Fix the problems marked ✗ in this step to continue (esc goes back).", "请先修正本步骤中标记 ✗ 的问题(esc 可返回上一步)。")
	txtOtherProbs  = flows.T("Other problems in this step", "本步骤的其他问题")
	txtLoadedFrom  = flows.T("Loaded from %s", "已从 %s 载入")
	txtLoadProbs   = flows.T("Left out of this order (the file says more than it can carry):", "以下内容未纳入此订单(文件内容超出订单可承载的范围):")
	txtWarning     = flows.T("warning", "警告")
	txtFixFirst    = flows.T("The order has problems; go back (esc) and fix them before placing it.", "订单存在问题;请返回(esc)修正后再下单。")
	txtEnterNoSend = flows.T("Enter does not place orders: press y to place it, s to save it.", "Enter 不会下单:按 y 下单,按 s 保存。")
	txtEnterDryRun = flows.T("Dry run: nothing is sent. Press s to save the order file.", "演练模式:不会发送。按 s 保存订单文件。")
	txtDryRunNoY   = flows.T("Dry run: orders are not placed. Press s to save the order file.", "演练模式不下单。按 s 保存订单文件。")

	txtTarget     = flows.T("Target", "目标")
	txtEndpoint   = flows.T("endpoint", "终端节点")
	txtCredential = flows.T("credential", "凭证")
	txtKey        = flows.T("access key", "访问密钥")
	txtRegion     = flows.T("region", "区域")
	txtProject    = flows.T("project", "项目")
	txtMode       = flows.T("mode", "模式")
	txtNone       = flows.T("none", "无")
	txtSummary    = flows.T("Summary", "摘要")
	txtBodyTitle  = flows.T("Request body (exactly what is sent)", "请求体(与发送内容完全一致)")
	txtProblems   = flows.T("Problems", "问题")
	txtWarnings   = flows.T("Warnings", "警告")

	txtSaveAsk    = flows.T("Save the order file to", "订单文件保存到")
	txtSaveExists = flows.T("%s exists. Overwrite it? y overwrites · n/esc cancels", "%s 已存在。覆盖吗?y 覆盖 · n/esc 取消")
	txtSaved      = flows.T("Saved %s", "已保存 %s")
	txtSaveFailed = flows.T("Could not save: %v", "保存失败:%v")

	txtDupAsk = flows.T("An identical order succeeded %s ago (order %s). Place it AGAIN? y sends again · n/esc cancels",
		"相同订单已于 %s 前成功(订单 %s)。确定再次下单吗?y 再次发送 · n/esc 取消")
	txtUnknownAsk = flows.T("The last attempt's outcome is unknown: it may have been placed. Send AGAIN anyway? y sends · n/esc cancels",
		"上次下单结果未知,订单可能已创建。仍要再次发送吗?y 发送 · n/esc 取消")
	txtQuitAsk = flows.T("An order is in flight. Quit now? The outcome may stay unknown: check `cloudorder history` and the console. y quits · n keeps waiting",
		"订单正在提交。现在退出吗?结果可能未知:请查看 `cloudorder history` 与控制台。y 退出 · n 继续等待")

	txtSending  = flows.T("Sending the order… keys are ignored until the answer arrives (ctrl+c asks first).", "正在发送订单… 收到结果前按键无效(ctrl+c 会先询问)。")
	txtChecking = flows.T("Checking the history for an identical order…", "正在检查历史中的相同订单…")
	txtElapsed  = flows.T("elapsed", "已用时")

	txtPlaced    = flows.T("Order placed", "下单成功")
	txtOrderID   = flows.T("order id", "订单 ID")
	txtRequestID = flows.T("request id", "请求 ID")
	txtCopied    = flows.T("Order ID copied to the clipboard (OSC 52).", "订单 ID 已复制到剪贴板(OSC 52)。")
	txtScrollIDs = flows.T("The IDs are printed again when you quit, so they stay in the scrollback.", "退出时会再次打印这些 ID,便于在终端中查阅。")
	txtResponse  = flows.T("Response", "响应")

	txtRejected     = flows.T("The API rejected the order: nothing was bought.", "接口拒绝了订单:未产生购买。")
	txtRejectedHint = flows.T("Fix the field the message names (esc goes back; every answer is kept), then press y again.",
		"请按提示修正相应字段(esc 返回;所有回答均保留),然后再按 y。")
	txtInvalid     = flows.T("Nothing was sent.", "未发送任何请求。")
	txtInvalidHint = flows.T("Check the settings and credentials named above, then press y again.", "请检查上面提到的设置与凭证,然后再按 y。")
	txtUnknown     = flows.T("OUTCOME UNKNOWN: the order may have been placed.", "结果未知:订单可能已经创建。")
	txtUnknownHint = flows.T("Check `cloudorder history` and the cloud console before trying again: sending again can buy twice.",
		"再次尝试前请查看 `cloudorder history` 与云控制台:重复发送可能导致重复购买。")
	txtCode    = flows.T("code", "错误码")
	txtMessage = flows.T("message", "信息")
	txtHTTP    = flows.T("HTTP status", "HTTP 状态")

	txtTooSmall = flows.T("window too small", "窗口太小")
)

// Key help texts.
var (
	khMove     = flows.T("move", "移动")
	khNext     = flows.T("next", "下一项")
	khBack     = flows.T("back", "返回")
	khChange   = flows.T("change", "切换取值")
	khToggle   = flows.T("toggle", "切换")
	khList     = flows.T("list", "列表")
	khPick     = flows.T("pick", "选定")
	khCancel   = flows.T("cancel", "取消")
	khAdd      = flows.T("add item", "添加一项")
	khRemove   = flows.T("remove item", "删除一项")
	khPlace    = flows.T("place order", "下单")
	khSave     = flows.T("save order file", "保存订单文件")
	khScroll   = flows.T("scroll", "滚动")
	khPage     = flows.T("page", "翻页")
	khCopy     = flows.T("copy order id", "复制订单 ID")
	khHelp     = flows.T("more keys", "更多按键")
	khQuit     = flows.T("quit", "退出")
	khYes      = flows.T("yes", "是")
	khNo       = flows.T("no", "否")
	khFilter   = flows.T("type to filter", "输入以筛选")
	khConfirm  = flows.T("confirm", "确认")
	khDone     = flows.T("done", "完成")
	khStepJump = flows.T("jump to step", "跳到步骤")
)
