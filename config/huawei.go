package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"cloudorder/i18n"
)

// huaweiProfile reads a section of the SDK's credentials file: the file named by
// HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials (core/auth/provider/
// profile_provider.go). The section is [basic], as the SDK reads it, or [name] for --profile
// name. Keys: ak, sk, project_id, domain_id, security_token.
func huaweiProfile(getenv func(string) string, name string) (c HuaweiCredential, why i18n.Text, err error) {
	if name == "" {
		name = "basic"
	}
	path, shown := getenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE"), ""
	if path != "" {
		shown = path + " (HUAWEICLOUD_SDK_CREDENTIALS_FILE)"
	} else {
		path, shown = filepath.Join(home(getenv), ".huaweicloud", "credentials"), "~/.huaweicloud/credentials"
	}
	data, err := ReadPersonFile(path, CredentialsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return c, i18n.T(shown+" (no such file)", shown+"(文件不存在)"), nil
	}
	if err != nil {
		return c, i18n.Text{}, fmt.Errorf("read the Huawei Cloud credentials file %s: %w", path, err)
	}
	sec := iniSection(data, name)
	if sec == nil {
		return c, i18n.Tf("%s (no [%s] section)", "%s(没有 [%s] 段)", shown, name), nil
	}
	if sec["ak"] == "" || sec["sk"] == "" {
		return c, i18n.Tf("%s [%s] (no ak/sk)", "%s [%s](缺少 ak/sk)", shown, name), nil
	}
	return HuaweiCredential{AK: sec["ak"], SK: NewSecret(sec["sk"]), SecurityToken: NewSecret(sec["security_token"]),
		ProjectID: sec["project_id"], DomainID: sec["domain_id"], Source: shown + " [" + name + "]"}, i18n.Text{}, nil
}

// iniSection returns the key = value pairs of one INI section, or nil when it is absent. It
// understands what the SDK's files contain: [section] lines, key = value, # and ; comments,
// and values in double quotes.
func iniSection(data []byte, name string) map[string]string {
	var out map[string]string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '[' && strings.HasSuffix(line, "]"):
			in = strings.EqualFold(strings.TrimSpace(line[1:len(line)-1]), name)
			if in && out == nil {
				out = map[string]string{}
			}
			continue
		}
		if !in {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			k, v, ok = strings.Cut(line, ":")
		}
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return out
}
