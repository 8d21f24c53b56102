package main

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"cloudorder/i18n"
	"cloudorder/providers/sandbox"
)

const defaultSandboxAddr = "127.0.0.1:8790"

// newSandboxCmd is `cloudorder sandbox`.
func newSandboxCmd(c *cli) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use: c.say(i18n.T("sandbox [flags]", "sandbox [选项]")),
		Short: c.say(i18n.T("serve the loopback emulator of the ordering APIs; nothing sent to it is bought",
			"运行下单接口的本地模拟服务;发往它的订单不会产生任何购买")),
		Long: c.say(i18n.T("Serve the loopback emulator of the ordering APIs until ctrl+c, for other tools, scripts and "+
			"training. Nothing sent to it is bought. It prints its address and its published test keys.",
			"运行下单接口的本地模拟服务,直到按 ctrl+c,供其他工具、脚本与培训使用。发往它的订单不会产生任何购买。"+
				"启动时显示其地址与公开的测试密钥。")),
		Example: "cloudorder sandbox\ncloudorder sandbox --addr 127.0.0.1:9000",
		Args:    c.noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.run(func() int { return runSandbox(c, addr) })
		},
	}
	cmd.Flags().StringVar(&addr, "addr", defaultSandboxAddr, c.say(i18n.T(
		"`ADDRESS` to listen on; loopback only (127.0.0.1, ::1, localhost)",
		"监听`地址`;仅限本机回环地址(127.0.0.1、::1、localhost)")))
	return cmd
}

// runSandbox serves the loopback emulator of the three ordering APIs until SIGINT/SIGTERM, for
// other tools, scripts and training. It prints where it listens and the sandbox's published
// credentials as lines to paste. Exit 0 when stopped by a signal, 2 on a non-loopback
// address or an address that cannot be listened on.
func runSandbox(c *cli, addr string) int {
	srv := sandbox.New(sandbox.Options{})
	if err := srv.Start(addr); err != nil {
		if errors.Is(err, sandbox.ErrNotLoopback) {
			fmt.Fprintln(c.stderr, c.say(i18n.Tf(
				"cloudorder sandbox: refusing --addr %s: the sandbox accepts published keys, so it listens only on loopback addresses (127.0.0.1, ::1, localhost)",
				"cloudorder sandbox:拒绝 --addr %s:模拟服务接受公开的密钥,因此只监听本机回环地址(127.0.0.1、::1、localhost)", addr)))
		} else {
			fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder sandbox: cannot listen on %s: %v", "cloudorder sandbox:无法监听 %s:%v", addr, err)))
		}
		return exitUsage
	}
	defer srv.Close()

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	printSandboxBanner(c, srv.URL())
	<-ctx.Done()
	fmt.Fprintln(c.stdout, c.say(i18n.Tf("Sandbox stopped; it accepted %d order(s).", "模拟服务已停止;共接受 %d 个订单。", len(srv.Orders()))))
	return exitOK
}

// printSandboxBanner says where the sandbox listens and how to use it. The keys are the
// sandbox's published test keys, not secrets: the sandbox accepts nothing else.
func printSandboxBanner(c *cli, url string) {
	say := func(en, zh string, args ...any) { fmt.Fprintln(c.stdout, c.say(i18n.Tf(en, zh, args...))) }
	say("SANDBOX listening on %s — orders sent here are emulated; nothing is bought.",
		"模拟服务(SANDBOX)正在监听 %s — 发往此处的订单均为模拟,不会产生任何购买。", url)
	say("\nSandbox credentials (published test keys, accepted only by the sandbox):",
		"\n模拟服务凭证(公开的测试密钥,仅模拟服务接受):")
	for _, kv := range [][2]string{
		{"ALIBABA_CLOUD_ACCESS_KEY_ID", sandbox.AlibabaAccessKeyID},
		{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", sandbox.AlibabaAccessKeySecret},
		{"HUAWEICLOUD_SDK_AK", sandbox.HuaweiAK},
		{"HUAWEICLOUD_SDK_SK", sandbox.HuaweiSK},
		{"HUAWEICLOUD_SDK_PROJECT_ID", sandbox.ProjectID},
	} {
		fmt.Fprintf(c.stdout, "  export %s=%s\n", kv[0], kv[1])
	}
	say("\nPoint cloudorder at it (in a shell with the lines above):", "\n让 cloudorder 使用它(在执行了上述各行的 shell 中):")
	fmt.Fprintf(c.stdout, "  cloudorder --endpoint %s\n  cloudorder submit FILE --endpoint %s\n", url, url)
	say("\nIts credential services (STS, ECS metadata, IAM federation) for the credential modes, with `cloudorder credentials --check`:",
		"\n其凭证服务(STS、ECS 元数据、IAM 联邦认证),用于各凭证模式,配合 `cloudorder credentials --check`:")
	for _, kv := range [][2]string{
		{credentialServicesEnv, url},
		{"ALIBABA_CLOUD_ECS_METADATA", sandbox.AlibabaECSRoleName},
		{"HUAWEICLOUD_SDK_IAM_ENDPOINT", url},
		{"HUAWEICLOUD_SDK_IDP_ID", sandbox.HuaweiIdpID},
	} {
		fmt.Fprintf(c.stdout, "  export %s=%s\n", kv[0], kv[1])
	}
	say("  RAM role %s, assumed with the key %s / %s; OIDC provider %s; any ID token file in JWT form.",
		"  RAM 角色 %s,用密钥 %s / %s 扮演;OIDC 提供商 %s;任意 JWT 形式的 ID 令牌文件。",
		sandbox.AlibabaRoleArn, sandbox.AlibabaRoleBaseKeyID, sandbox.AlibabaRoleBaseSecret, sandbox.AlibabaOIDCProviderArn)
	say("\nControls: GET %[1]s/_sandbox/orders · POST|DELETE %[1]s/_sandbox/faults · GET %[1]s/_sandbox/health",
		"\n控制接口:GET %[1]s/_sandbox/orders · POST|DELETE %[1]s/_sandbox/faults · GET %[1]s/_sandbox/health", url)
	say("Press Ctrl+C to stop.", "按 Ctrl+C 停止。")
}
