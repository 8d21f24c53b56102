package alibaba

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/sts"

	"cloudorder/config"
	"cloudorder/providers/transport"
)

// Identity is who a credential signs as, as STS GetCallerIdentity says it.
type Identity struct {
	AccountID    string `json:"account_id"`
	Arn          string `json:"arn"`
	IdentityType string `json:"identity_type"`
}

// CallerIdentity asks STS who cred is (`credentials --check`): one read-only call through the
// project's transport, to ep when set (the sandbox), else https://sts.aliyuncs.com.
func CallerIdentity(ctx context.Context, cred config.AlibabaCredential, ep *config.Endpoint, timeout time.Duration) (Identity, error) {
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	tr := transport.NewCall(ctx, timeout)
	cfg := sdk.NewConfig().WithAutoRetry(false).WithMaxRetryTime(0).WithTimeout(timeout).WithScheme(requests.HTTPS)
	cfg.Transport = tr
	var cp credentials.CredentialsProvider = credentials.NewStaticAKCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret.Reveal())
	if !cred.SecurityToken.IsZero() {
		cp = credentials.NewStaticSTSCredentialsProvider(cred.AccessKeyID, cred.AccessKeySecret.Reveal(), cred.SecurityToken.Reveal())
	}
	client, err := sdk.NewClientWithOptions("cn-hangzhou", cfg, cp)
	if err != nil {
		return Identity{}, fmt.Errorf("set up the STS client: %w", err)
	}
	req := sts.CreateGetCallerIdentityRequest()
	req.Scheme, req.Domain, req.Port = requests.HTTPS, "sts.aliyuncs.com", "443"
	if ep != nil {
		if ep.Scheme == "http" && config.IsLoopback(ep.Host) {
			req.Scheme = requests.HTTP
		}
		req.Domain, req.Port = ep.Host, ep.Port
		if ip := net.ParseIP(ep.Host); ip != nil && ip.To4() == nil {
			req.Domain = "[" + ep.Host + "]"
		}
	}
	req.SetReadTimeout(timeout)
	req.SetConnectTimeout(timeout)
	resp := sts.CreateGetCallerIdentityResponse()
	if err := client.DoAction(req, resp); err != nil {
		return Identity{}, transport.Scrub(classify(fmt.Errorf("STS GetCallerIdentity: %w", err), tr.Reach()), cred.AccessKeySecret.Reveal(), cred.SecurityToken.Reveal())
	}
	return Identity{AccountID: resp.AccountId, Arn: resp.Arn, IdentityType: resp.IdentityType}, nil
}
