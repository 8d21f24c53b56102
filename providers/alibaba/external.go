package alibaba

import (
	"bytes"
	"cloudorder/i18n"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"time"

	cproviders "github.com/aliyun/credentials-go/credentials/providers"
)

// externalProvider is the aliyun CLI's External mode: it runs the profile's process_command
// and signs with the key the command prints, {"mode": "AK"|"StsToken", "access_key_id",
// "access_key_secret", "sts_token"}. It is cloudorder's rather than credentials-go's
// ExternalCredentialsProvider because that one, given output that is not JSON, prints the
// command line and the whole output to the process's standard output
// (credentials/providers/external.go): a helper that writes a warning before its JSON would put
// the secret on the screen and into --output json.
type externalProvider struct {
	command string
	timeout time.Duration
}

// externalWaitDelay is how long the output is read after the helper exited or was killed.
const externalWaitDelay = time.Second

// maxExternalOutput bounds what the command may print (a key is a few hundred bytes).
const maxExternalOutput = 64 << 10

func (p externalProvider) GetProviderName() string { return "external" }

func (p externalProvider) GetCredentials() (*cproviders.Credentials, error) {
	args, err := splitCommand(p.command)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), p.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	var out bytes.Buffer
	cmd.Stdout = &limitedWriter{w: &out, left: maxExternalOutput}
	cmd.Stderr = io.Discard // a helper's diagnostics may quote what it read
	// A child the helper leaves behind (a daemon, `cmd &`) keeps the output pipe open; without
	// this Run waits for that child, past the timeout. A helper that exited 0 has said its
	// piece (ErrWaitDelay): its output is judged below like any other.
	cmd.WaitDelay = externalWaitDelay
	if err := cmd.Run(); err != nil && !(errors.Is(err, exec.ErrWaitDelay) && ctx.Err() == nil) {
		if ctx.Err() != nil {
			return nil, i18n.Errorf("process_command %q did not finish within %s", "process_command %q 未在 %s 内结束", args[0], p.timeout)
		}
		return nil, i18n.Errorf("process_command %q failed: %v", "process_command %q 运行失败:%v", args[0], err)
	}
	var r struct {
		Mode            string `json:"mode"`
		AccessKeyID     string `json:"access_key_id"`
		AccessKeySecret string `json:"access_key_secret"`
		StsToken        string `json:"sts_token"`
	}
	if json.Unmarshal(out.Bytes(), &r) != nil {
		return nil, i18n.Errorf("process_command %q printed something other than one JSON object with access_key_id and access_key_secret (not shown: it may hold a secret)", "process_command %q 的输出不是一个含 access_key_id 和 access_key_secret 的 JSON 对象(未显示:其中可能含有密钥)", args[0])
	}
	switch {
	case r.AccessKeyID == "" || r.AccessKeySecret == "":
		return nil, i18n.Errorf("process_command %q printed no access_key_id or access_key_secret", "process_command %q 的输出中没有 access_key_id 或 access_key_secret", args[0])
	case strings.EqualFold(r.Mode, "StsToken") && r.StsToken == "":
		return nil, i18n.Errorf("process_command %q printed mode StsToken without sts_token", "process_command %q 输出了 StsToken 模式却没有 sts_token", args[0])
	}
	return &cproviders.Credentials{AccessKeyId: r.AccessKeyID, AccessKeySecret: r.AccessKeySecret, SecurityToken: r.StsToken,
		ProviderName: p.GetProviderName()}, nil
}

// limitedWriter keeps the first left bytes and fails past them, which ends the command.
type limitedWriter struct {
	w    io.Writer
	left int
}

func (l *limitedWriter) Write(b []byte) (int, error) {
	if len(b) > l.left {
		return 0, i18n.Errorf("the output is larger than 64 KiB", "输出超过 64 KiB")
	}
	l.left -= len(b)
	return l.w.Write(b)
}

// splitCommand splits process_command into words as a POSIX shell would without expanding
// anything: blanks separate words, '…' is literal, "…" keeps blanks and takes \" and \\,
// a backslash outside quotes takes the next character literally.
func splitCommand(command string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord, single, double := false, false, false
	runes := []rune(strings.TrimSpace(command))
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case single:
			if r == '\'' {
				single = false
			} else {
				cur.WriteRune(r)
			}
		case double:
			switch {
			case r == '"':
				double = false
			case r == '\\' && i+1 < len(runes) && (runes[i+1] == '"' || runes[i+1] == '\\'):
				i++
				cur.WriteRune(runes[i])
			default:
				cur.WriteRune(r)
			}
		case r == '\'':
			single, inWord = true, true
		case r == '"':
			double, inWord = true, true
		case r == '\\' && i+1 < len(runes):
			i++
			cur.WriteRune(runes[i])
			inWord = true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if single || double {
		return nil, i18n.Errorf("process_command has an unclosed quote", "process_command 中有未闭合的引号")
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return nil, i18n.Errorf("process_command is empty", "process_command 为空")
	}
	return words, nil
}
