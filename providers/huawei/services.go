package huawei

import (
	"context"
	"fmt"
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

// vpcService is Virtual Private Cloud (services/vpc/v2), for the network look-ups.
var vpcService = service{
	name:    "VPC",
	builder: vpc.VpcClientBuilder,
	endpoints: func(region string) ([]string, error) {
		r, err := vpcregion.SafeValueOf(region)
		if err != nil {
			return nil, err
		}
		return r.Endpoints, nil
	},
}

// iamService is Identity and Access Management (services/iam/v3): the projects and the
// account id.
var iamService = service{
	name:    "IAM",
	builder: iam.IamClientBuilder,
	endpoints: func(region string) ([]string, error) {
		r, err := iamregion.SafeValueOf(region)
		if err != nil {
			return nil, err
		}
		return r.Endpoints, nil
	},
}

// bssService is the Billing Center of the account's site: services/bss/v2 in cn-north-1 for
// the China site, services/bssintl/v2 for the international (ap-southeast-1) and European
// (eu-west-101) sites. It has one endpoint per site, whatever the order's region.
func (p *Provider) bssService() service {
	if !p.intl() {
		return service{name: "BSS", builder: bss.BssClientBuilder, endpoints: func(string) ([]string, error) {
			r, err := bssregion.SafeValueOf("cn-north-1")
			if err != nil {
				return nil, err
			}
			return r.Endpoints, nil
		}}
	}
	site := "ap-southeast-1"
	if p.opts.BSSSite == SiteEU {
		site = "eu-west-101"
	}
	return service{name: "BSS", builder: bssintl.BssintlClientBuilder, endpoints: func(string) ([]string, error) {
		r, err := bssintlregion.SafeValueOf(site)
		if err != nil {
			return nil, err
		}
		return r.Endpoints, nil
	}}
}

// vpcCall builds a VPC client for a project in region.
func (p *Provider) vpcCall(ctx context.Context, region, projectID string) (*call, error) {
	return p.newCall(ctx, vpcService, region, projectID)
}

// iamCall builds an IAM client for region; IAM's /v3/auth/* calls name no project.
func (p *Provider) iamCall(ctx context.Context, region string, cred config.HuaweiCredential) (*call, error) {
	ep, err := p.endpoint(iamService, region)
	if err != nil {
		return nil, err
	}
	creds, err := basicCredentials(cred, "")
	if err != nil {
		return nil, err
	}
	return p.build(ctx, iamService.builder(), ep, creds)
}

// bssCall builds a BSS client with the account's global credentials. The account id comes
// from the credential (HUAWEICLOUD_SDK_DOMAIN_ID, domain_id in the credentials file), else
// from IAM KeystoneListAuthDomains (once per AK). The SDK would ask IAM itself, but only for a
// client built with a region, which would also override the endpoint; this keeps both explicit.
func (p *Provider) bssCall(ctx context.Context, region string) (*call, error) {
	cred, err := p.credential(ctx)
	if err != nil {
		return nil, err
	}
	domain, err := p.domainID(ctx, region, cred)
	if err != nil {
		return nil, err
	}
	svc := p.bssService()
	ep, err := p.endpoint(svc, region)
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
	return p.build(ctx, svc.builder(), ep, creds)
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
