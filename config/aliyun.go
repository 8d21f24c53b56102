package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"cloudorder/i18n"
)

// aliyunConfig is the part of the aliyun CLI's ~/.aliyun/config.json that names a key.
type aliyunConfig struct {
	Current  string `json:"current"`
	Profiles []struct {
		Name            string `json:"name"`
		Mode            string `json:"mode"`
		AccessKeyID     string `json:"access_key_id"`
		AccessKeySecret string `json:"access_key_secret"`
		StsToken        string `json:"sts_token"`
		RegionID        string `json:"region_id"`
	} `json:"profiles"`
}

// aliyunProfile reads the CLI's profile name, or its current profile when name is "". It
// returns why when there is no usable key there (for the "looked at" list) and err when the
// file exists but cannot be used as is.
func aliyunProfile(getenv func(string) string, name string) (c AlibabaCredential, why i18n.Text, err error) {
	path := filepath.Join(home(getenv), ".aliyun", "config.json")
	shown := "~/.aliyun/config.json"
	data, err := ReadPersonFile(path, CredentialsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return c, i18n.T(shown+" (no such file)", shown+"(文件不存在)"), nil
	}
	if err != nil {
		return c, i18n.Text{}, fmt.Errorf("read the aliyun CLI profile %s: %w", path, err)
	}
	var cfg aliyunConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return c, i18n.Text{}, fmt.Errorf("read the aliyun CLI profile %s: %w", path, err)
	}
	if name == "" {
		name = cfg.Current
	}
	if name == "" {
		name = "default"
	}
	for _, p := range cfg.Profiles {
		if p.Name != name {
			continue
		}
		switch p.Mode {
		case "AK", "":
		case "StsToken":
		default:
			return c, i18n.Tf("%s profile %s (mode %s is not supported: use an AK profile or the environment)",
				"%s 配置 %s(不支持 %s 模式:请使用 AK 配置或环境变量)", shown, name, p.Mode), nil
		}
		if p.AccessKeyID == "" || p.AccessKeySecret == "" {
			return c, i18n.Tf("%s profile %s (no access_key_id/access_key_secret)", "%s 配置 %s(缺少 access_key_id/access_key_secret)", shown, name), nil
		}
		c = AlibabaCredential{AccessKeyID: p.AccessKeyID, AccessKeySecret: NewSecret(p.AccessKeySecret),
			Region: p.RegionID, Source: fmt.Sprintf("%s profile %s", shown, name)}
		if p.Mode == "StsToken" {
			c.SecurityToken = NewSecret(p.StsToken)
		}
		return c, i18n.Text{}, nil
	}
	return c, i18n.Tf("%s (no profile %q)", "%s(没有名为 %q 的配置)", shown, name), nil
}
