package main

import (
	"context"
	"fmt"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
)

func main() {
	client := anthropic.NewClient(option.WithHeader("anthropic-beta", "mcp-client-2025-04-04"))
	msg, err := client.Beta.Messages.New(context.TODO(), anthropic.BetaMessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Betas:     []anthropic.AnthropicBeta{anthropic.AnthropicBetaMCPClient2025_04_04},
	})
	if err != nil {
		panic(err)
	}
	// The current version is fine:
	_ = []anthropic.AnthropicBeta{anthropic.AnthropicBetaMCPClient2025_11_20}
	fmt.Println(msg.Content)
}
