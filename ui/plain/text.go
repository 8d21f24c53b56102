package plain

import "cloudorder/i18n"

// The session's fixed texts, in both languages.
var (
	txtIntro = i18n.T(
		"cloudorder, plain mode. One question per line: press Enter to accept the default, type ? for help on the field, - to leave an optional field out. End of input (ctrl+d) or ctrl+c cancels: nothing is placed.",
		"cloudorder 纯文本模式。每行一个问题:按回车接受默认值,输入 ? 查看字段说明,输入 - 省略可选字段。输入结束(ctrl+d)或 ctrl+c 取消:不会下单。")
	txtModeLabel = i18n.T("Mode", "模式")
	txtDefault   = i18n.T("default", "默认")
	txtNone      = i18n.T("none, left out", "无,省略")
	txtNoDefault = i18n.T("none, required", "无,必填")
	txtWarning   = i18n.T("warning: ", "警告:")
	txtError     = i18n.T("error: ", "错误:")
	txtAgain     = i18n.T("This step has problems; its questions are asked again.", "此步骤有问题,将重新询问本步骤的问题。")
)
