"""linter/scan/calls.py: the call around a betas list and its literal model and tool types.

Each positive beside its look-alike negative: a model in another call, a model in a variable,
a nested model, a tool in another request, brackets inside strings and comments. The
property test over every language is in tests/test_scan_calls_languages.py.
"""

from __future__ import annotations

import _calls_support as support
import pytest

from betalint.linter.scan.calls import WINDOW, CallLiterals

BETA = "context-1m-2025-08-07"


def literals(text: str, path: str, needle: str = BETA) -> CallLiterals | None:
    return support.literals(text, path, needle)


def model_of(text: str, path: str, needle: str = BETA) -> str | None:
    return support.model_of(text, path, needle)


@pytest.mark.parametrize(
    ("path", "text", "model"),
    [
        # Python keyword arguments, the betas list and the model in one call.
        (
            "a.py",
            'client.beta.messages.create(\n    model="claude-haiku-4-5",\n'
            f'    betas=["{BETA}"],\n)',
            "claude-haiku-4-5",
        ),
        # The header in `extra_headers={...}`: the call is one level up.
        (
            "a.py",
            f'client.messages.create(model="claude-opus-4-7", '
            f'extra_headers={{"anthropic-beta": "{BETA}"}})',
            "claude-opus-4-7",
        ),
        # TS object, single quotes, a trailing comment after the model.
        (
            "a.ts",
            f"await client.beta.messages.create({{\n  model: 'claude-haiku-4-5', // cheap\n"
            f"  betas: ['{BETA}'],\n}});",
            "claude-haiku-4-5",
        ),
        # TS request options: the call is the SDK's (body, options), the model the body's.
        (
            "a.ts",
            f'client.messages.create({{ model: "claude-haiku-4-5", max_tokens: 64 }}, '
            f'{{ headers: {{ "anthropic-beta": "{BETA}" }} }})',
            "claude-haiku-4-5",
        ),
        # Ruby's request options and a model-settings entry's: the request is one level up.
        (
            "a.rb",
            'client.messages.create(model: "claude-haiku-4-5", max_tokens: 64, '
            f'request_options: {{extra_headers: {{"anthropic-beta" => "{BETA}"}}}})',
            "claude-haiku-4-5",
        ),
        (
            "config.json",
            '{"models": [{"title": "Claude", "provider": "anthropic", "model": "claude-haiku-4-5",'
            f' "requestOptions": {{"headers": {{"anthropic-beta": "{BETA}"}}}}}}]}}',
            "claude-haiku-4-5",
        ),
        # JSON body with Bedrock's `anthropic_beta` list.
        (
            "req.json",
            f'{{"model": "claude-haiku-4-5", "anthropic_beta": ["{BETA}"]}}',
            "claude-haiku-4-5",
        ),
        # Bedrock model ids are models too.
        (
            "a.py",
            f'dict(modelId="us.anthropic.claude-haiku-4-5-20251001-v1:0", betas=["{BETA}"])',
            "us.anthropic.claude-haiku-4-5-20251001-v1:0",
        ),
        # Python keywords and `**kwargs`: a repeated `model` would be a TypeError.
        (
            "a.py",
            f'client.beta.messages.create(model="claude-haiku-4-5", **extra, betas=["{BETA}"])',
            "claude-haiku-4-5",
        ),
        # LangChain's keyword.
        (
            "agent.py",
            f'ChatAnthropic(model_name="claude-sonnet-4-5", betas=["{BETA}"], timeout=60)',
            "claude-sonnet-4-5",
        ),
        # A Go struct literal argument is an object.
        (
            "main.go",
            "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
            f'\tModel: "claude-haiku-4-5",\n\tBetas: []string{{"{BETA}"}},\n}})',
            "claude-haiku-4-5",
        ),
        # Brackets inside strings and comments do not move the call's bounds.
        (
            "a.py",
            f'f(  # see (1\n    model="claude-haiku-4-5",\n    system="a) b}}",\n'
            f'    betas=["{BETA}"],\n)',
            "claude-haiku-4-5",
        ),
    ],
)
def test_a_literal_model_of_the_same_call(path: str, text: str, model: str) -> None:
    assert model_of(text, path) == model


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # The model is a variable.
        ("a.py", f'client.beta.messages.create(model=MODEL, betas=["{BETA}"])'),
        # The literal model belongs to another call.
        (
            "a.py",
            f'cfg = dict(model="claude-haiku-4-5")\n'
            f'client.beta.messages.create(**cfg, betas=["{BETA}"])',
        ),
        # A conditional, a concatenation, a fallback: not one literal.
        ("a.py", f'f(model="claude-haiku-4-5" if fast else big, betas=["{BETA}"])'),
        ("a.ts", f'f({{ model: "claude-" + size, betas: ["{BETA}"] }})'),
        ("a.ts", f'f({{ model: "claude-haiku-4-5" ?? m, betas: ["{BETA}"] }})'),
        # A Python dict: a later `**base` may replace the model.
        ("a.py", f'body = {{"model": "claude-haiku-4-5", **base, "betas": ["{BETA}"]}}'),
        # A model nested one level down (another request's settings).
        ("a.py", f'f(betas=["{BETA}"], fallback={{"model": "claude-haiku-4-5"}})'),
        # Two model keys at the call's level: which one is sent is not certain.
        ("a.ts", f'f({{ model: "claude-haiku-4-5", betas: ["{BETA}"], model: m }})'),
        # Another key that ends in `model`, and a model in a comment.
        ("a.py", f'f(fallback_model="claude-haiku-4-5", betas=["{BETA}"])'),
        ("a.py", f'f(weak_model_name="claude-haiku-4-5", betas=["{BETA}"])'),
        ("a.py", f'f(  # model="claude-haiku-4-5"\n    betas=["{BETA}"],\n)'),
        # Not a Claude model id.
        ("a.ts", f'f({{ model: "gpt-4o", betas: ["{BETA}"] }})'),
        # Headers under some other key: whose request that is, is not known.
        (
            "config.json",
            '{"model": "claude-haiku-4-5", "retry": {"headers": '
            f'{{"anthropic-beta": "{BETA}"}}}}}}',
        ),
        # TS request options after a body from a variable: no model in reach.
        (
            "a.ts",
            f'client.messages.create(params, {{ headers: {{ "anthropic-beta": "{BETA}" }} }})',
        ),
        # ... or a third argument: not the SDK's (body, options) shape.
        (
            "a.ts",
            'send({ model: "claude-haiku-4-5" }, '
            f'{{ headers: {{ "anthropic-beta": "{BETA}" }} }}, retries)',
        ),
        # A function body is a block, not an object: its local `model` is not the call's.
        (
            "a.ts",
            'function send() {\n  let model = "claude-haiku-4-5";\n'
            f'  headers["anthropic-beta"] = "{BETA}";\n}}',
        ),
        (
            "main.go",
            'func send() {\n\tmodel := "claude-haiku-4-5"\n'
            f'\treq.Header.Set("anthropic-beta", "{BETA}")\n}}',
        ),
        ("a.ts", f'items.forEach(() => {{ model = "claude-haiku-4-5"; h = ["{BETA}"]; }})'),
        # Unbalanced text: no call can be told.
        ("a.py", f'f(model="claude-haiku-4-5", betas=["{BETA}"]'),
        # Markdown prose is no code (fences are: tests/test_scan_calls_languages.py).
        ("a.md", f'f(model="claude-haiku-4-5", betas=["{BETA}"])'),
    ],
)
def test_no_model_when_it_is_not_one_literal_of_the_call(path: str, text: str) -> None:
    assert model_of(text, path) is None


def test_curl_body_and_its_look_alikes() -> None:
    command = (
        "curl https://api.anthropic.com/v1/messages \\\n"
        f'  -H "anthropic-beta: {BETA}" \\\n'
        '  -d \'{"model": "claude-haiku-4-5", "max_tokens": 64}\'\n'
    )
    assert model_of(command, "run.sh") == "claude-haiku-4-5"
    # A body over several lines: the open quote continues the command.
    multiline = (
        "curl https://api.anthropic.com/v1/messages \\\n"
        f'  -H "anthropic-beta: {BETA}" \\\n'
        '  -d \'{\n    "model": "claude-haiku-4-5",\n    "max_tokens": 64\n  }\'\n'
        "echo done\n"
    )
    assert model_of(multiline, "run.sh") == "claude-haiku-4-5"
    # The body of the next command is another request.
    two = (
        f'curl https://api.anthropic.com/v1/messages -H "anthropic-beta: {BETA}" -d @body.json\n'
        'curl https://api.anthropic.com/v1/messages -d \'{"model": "claude-haiku-4-5"}\'\n'
    )
    assert model_of(two, "run.sh") is None
    # A body from a variable is not a literal.
    assert model_of(f'curl x -H "anthropic-beta: {BETA}" -d "$BODY"\n', "run.sh") is None


def test_http_request_body_and_the_next_request() -> None:
    request = (
        "POST https://api.anthropic.com/v1/messages\n"
        f"anthropic-beta: {BETA}\n"
        "content-type: application/json\n\n"
        '{"model": "claude-haiku-4-5", "max_tokens": 64}\n'
    )
    assert model_of(request, "api.http") == "claude-haiku-4-5"
    other = (
        "POST https://api.anthropic.com/v1/messages\n"
        f"anthropic-beta: {BETA}\n\n"
        '{"model": MODEL}\n'
        "###\n"
        "POST https://api.anthropic.com/v1/messages\n\n"
        '{"model": "claude-haiku-4-5"}\n'
    )
    assert model_of(other, "api.http") is None


def test_yaml_model_settings_item_and_its_look_alikes() -> None:
    settings = (
        "- name: anthropic/claude-haiku-4-5\n"
        "  weak_model_name: anthropic/claude-3-5-haiku-20241022\n"
        "  extra_params:\n"
        "    extra_headers:\n"
        f"      anthropic-beta: prompt-caching-2024-07-31,{BETA}\n"
        "    max_tokens: 8192\n"
        "\n"
        "- name: claude-opus-4-7\n"
        "  edit_format: diff\n"
    )
    # The item's own `name`, not `weak_model_name`, nor the next item's.
    assert model_of(settings, "model-settings.yml") == "anthropic/claude-haiku-4-5"
    # Another provider's route is not a Claude API model.
    routed = settings.replace("anthropic/claude-haiku-4-5", "openrouter/anthropic/claude-haiku-4-5")
    assert model_of(routed, "model-settings.yml") is None
    # The model from an environment variable.
    assert model_of(settings.replace("anthropic/claude-haiku-4-5", "${MODEL}"), "m.yml") is None
    # LiteLLM's proxy config: the model beside the headers, under `litellm_params`.
    litellm = (
        "model_list:\n"
        "  - model_name: claude-fast\n"
        "    litellm_params:\n"
        "      model: anthropic/claude-haiku-4-5\n"
        "      extra_headers:\n"
        f"        anthropic-beta: {BETA}\n"
        "  - model_name: claude-big\n"
        "    litellm_params:\n"
        "      model: anthropic/claude-opus-4-7\n"
    )
    assert model_of(litellm, "config.yaml") == "anthropic/claude-haiku-4-5"
    # ... the model from the environment: silent, not the item's alias.
    env = litellm.replace("model: anthropic/claude-haiku-4-5", "model: os.environ/MODEL")
    assert model_of(env, "config.yaml") is None
    # ... headers beside the params, the model one level further in: not this mapping's.
    beside = (
        "model_list:\n"
        "  - model_name: claude-fast\n"
        "    litellm_params:\n"
        "      model: anthropic/claude-haiku-4-5\n"
        "    extra_headers:\n"
        f"      anthropic-beta: {BETA}\n"
    )
    assert model_of(beside, "config.yaml") is None
    # A top-level document, not a list item: no unit to tell.
    top = f"model: claude-haiku-4-5\nheaders:\n  anthropic-beta: {BETA}\n"
    assert model_of(top, "config.yaml") is None


def test_tool_types_of_the_call_and_not_of_another() -> None:
    text = (
        "client.beta.messages.create(\n"
        '    model="claude-opus-4-5",\n'
        '    tools=[{"type": "computer_20251124", "name": "computer"}],\n'
        '    betas=["computer-use-2025-01-24"],\n'
        ")\n"
        'other = {"type": "text_editor_20250728"}\n'
    )
    found = literals(text, "a.py", "computer-use-2025-01-24")
    assert found is not None
    assert [t for _, _, t in found.tools] == ["computer_20251124"]
    start, end, tool = found.tools[0]
    assert text[start:end] == tool
    # `"type": "tool_use"` and `"type": "computer"` have no date: not tool versions.
    plain = f'f(betas=["{BETA}"], content=[{{"type": "tool_use"}}, {{"type": "computer"}}])'
    found = literals(plain, "a.py")
    assert found is not None and found.tools == ()


def test_a_call_longer_than_the_window_is_unknown() -> None:
    padding = "    # " + "x" * 70 + "\n"
    text = (
        'f(\n    model="claude-haiku-4-5",\n'
        + padding * (WINDOW // len(padding) + 2)
        + f'    betas=["{BETA}"],\n)'
    )
    assert model_of(text, "a.py") is None
