package huawei

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
	bss "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2"
	bssregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2/region"
	bssintl "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bssintl/v2"
	bssintlregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bssintl/v2/region"
	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"
	iamregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/region"
	vpc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2"
	vpcregion "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/region"

	"cloudorder/config"
)

// The services behind the look-ups, the price inquiry and payment: VPC (services/vpc/v2),
// IAM (services/iam/v3) and BSS (services/bss/v2, or services/bssintl/v2 for accounts of the
// international site). Their clients are built like the order clients (build in client.go).

// BSS sites, for Options.BSSSite.
const (
	SiteChina = ""     // bss.myhuaweicloud.com
	SiteIntl  = "intl" // bss-intl.myhuaweicloud.com (international site)
	SiteEU    = "eu"   // bss.myhuaweicloud.eu (European site)
)

// domainCache remembers account ids by AK: IAM is asked once per session.
type domainCache struct {
	mu sync.Mutex
	m  map[string]string
}

func (d *domainCache) get(ak string) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	v, ok := d.m[ak]
	return v, ok
}

func (d *domainCache) put(ak, id string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = map[string]string{}
	}
	d.m[ak] = id
}

// serviceEndpoint is the override, else the SDK region table's endpoint for svc. Whatever the
// table says (it honours HUAWEICLOUD_SDK_REGION_* and regions.yaml) passes the same gate as
// --endpoint: plain http only to loopback.
func (p *Provider) serviceEndpoint(svc, region string) (string, error) {
	if p.opts.Endpoint != nil {
		return p.opts.Endpoint.String(), nil
	}
	var eps []string
	switch svc {
	case "vpc":
		r, err := vpcregion.SafeValueOf(region)
		if err != nil {
			return "", fmt.Errorf("VPC region %q: %w", region, err)
		}
		eps = r.Endpoints
	case "iam":
		r, err := iamregion.SafeValueOf(region)
		if err != nil {
			return "", fmt.Errorf("IAM region %q: %w", region, err)
		}
		eps = r.Endpoints
	case "bss":
		var err error
		switch p.opts.BSSSite {
		case SiteIntl, SiteEU:
			id := "ap-southeast-1"
			if p.opts.BSSSite == SiteEU {
				id = "eu-west-101"
			}
			r, e := bssintlregion.SafeValueOf(id)
			if e == nil {
				eps = r.Endpoints
			}
			err = e
		default:
			r, e := bssregion.SafeValueOf("cn-north-1")
			if e == nil {
				eps = r.Endpoints
			}
			err = e
		}
		if err != nil {
			return "", fmt.Errorf("BSS endpoint: %w", err)
		}
	default:
		return "", fmt.Errorf("no Huawei Cloud service %q", svc)
	}
	if len(eps) == 0 {
		return "", fmt.Errorf("no %s endpoint for region %q", svc, region)
	}
	// The one endpoint gate (config.CheckEndpoint), worded in both languages as the order
	// APIs' is (providers/cloud, GateTarget).
	source := fmt.Sprintf("the SDK's region settings for Huawei Cloud %s in %s (HUAWEICLOUD_SDK_REGION_* or regions.yaml)", strings.ToUpper(svc), region)
	ep, err := config.CheckEndpoint(source, eps[0])
	if err != nil {
		return "", err
	}
	return ep.String(), nil
}

// vpcCall builds a VPC client for a project in region.
func (p *Provider) vpcCall(ctx context.Context, region, projectID string) (*call, error) {
	if projectID == "" {
		return nil, fmt.Errorf("no project id: the VPC look-ups need the order's project_id")
	}
	cred, err := p.opts.Credential()
	if err != nil {
		return nil, err
	}
	ep, err := p.serviceEndpoint("vpc", region)
	if err != nil {
		return nil, err
	}
	creds, err := basicCredentials(cred, projectID)
	if err != nil {
		return nil, err
	}
	return p.build(ctx, vpc.VpcClientBuilder(), ep, creds)
}

// iamCall builds an IAM client for region; IAM's /v3/auth/* calls name no project.
func (p *Provider) iamCall(ctx context.Context, region string, cred config.HuaweiCredential) (*call, error) {
	ep, err := p.serviceEndpoint("iam", region)
	if err != nil {
		return nil, err
	}
	creds, err := basicCredentials(cred, "")
	if err != nil {
		return nil, err
	}
	return p.build(ctx, iam.IamClientBuilder(), ep, creds)
}

// bssCall builds a BSS client with the account's global credentials. The account id comes
// from the credential (HUAWEICLOUD_SDK_DOMAIN_ID, domain_id in the credentials file), else
// from IAM KeystoneListAuthDomains (once per AK). The SDK would ask IAM itself, but only for a
// client built with a region, which would also override the endpoint; this keeps both explicit.
func (p *Provider) bssCall(ctx context.Context, region string) (*call, error) {
	cred, err := p.opts.Credential()
	if err != nil {
		return nil, err
	}
	domain, err := p.domainID(ctx, region, cred)
	if err != nil {
		return nil, err
	}
	ep, err := p.serviceEndpoint("bss", region)
	if err != nil {
		return nil, err
	}
	b := global.NewCredentialsBuilder().WithAk(cred.AK).WithSk(cred.SK.Reveal()).WithDomainId(domain)
	if !cred.SecurityToken.IsZero() {
		b = b.WithSecurityToken(cred.SecurityToken.Reveal())
	}
	creds, err := b.SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("credentials for Huawei Cloud BSS: %w", err)
	}
	builder := bss.BssClientBuilder()
	if p.opts.BSSSite == SiteIntl || p.opts.BSSSite == SiteEU {
		builder = bssintl.BssintlClientBuilder()
	}
	return p.build(ctx, builder, ep, creds)
}

// domainID is the account id of cred.
func (p *Provider) domainID(ctx context.Context, region string, cred config.HuaweiCredential) (string, error) {
	if cred.DomainID != "" {
		return cred.DomainID, nil
	}
	if id, ok := p.domains.get(cred.AK); ok {
		return id, nil
	}
	c, err := p.iamCall(ctx, region, cred)
	if err != nil {
		return "", err
	}
	resp, err := iam.NewIamClient(c.hc).KeystoneListAuthDomains(&iammodel.KeystoneListAuthDomainsRequest{})
	if err != nil {
		return "", classify("ask IAM for the account id (set HUAWEICLOUD_SDK_DOMAIN_ID to skip this)", err, c.reach())
	}
	if resp.Domains == nil || len(*resp.Domains) == 0 || (*resp.Domains)[0].Id == "" {
		return "", fmt.Errorf("IAM named no account for this key: set HUAWEICLOUD_SDK_DOMAIN_ID")
	}
	id := (*resp.Domains)[0].Id
	p.domains.put(cred.AK, id)
	return id, nil
}
