#!/usr/bin/python3
"""Writes tiny-bert/model.onnx and tiny-bert/vocab.txt: a few-KB stand-in for a sentence-transformers export.

Same interface as all-MiniLM-L6-v2 / bge-small-en-v1.5 (inputs input_ids, attention_mask, token_type_ids,
all int64 [batch, sequence]; output last_hidden_state float [batch, sequence, hidden]) so the C# generator
runs unchanged on it. Each token's state is tanh(word + type embedding) with fixed random weights, so
sentences that share words get similar mean-pooled vectors. Padded positions get a large constant, which
shows up at once if pooling ever forgets the attention mask.

Needs Debian's python3-onnx (apt-get install -y python3-onnx). Deterministic: same files on every run.
Run: /usr/bin/python3 tests/Evaluator.Tests/Assets/make_tiny_bert.py
Benchmarks use a MiniLM-sized stand-in (hidden 384, token-wise feed-forward layers of 1536, about MiniLM's
per-token compute, not committed): make_tiny_bert.py --hidden 384 --layers 9 --out artifacts/bench-bert
"""
import argparse
import os
import random

import onnx
from onnx import TensorProto, helper

parser = argparse.ArgumentParser()
parser.add_argument("--hidden", type=int, default=32)
parser.add_argument("--layers", type=int, default=0, help="feed-forward layers (hidden -> 4*hidden -> hidden) after the embeddings")
parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny-bert"))
args = parser.parse_args()
HIDDEN = args.hidden
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = """
a an and the of to in on for with by from at as is are be we our it its this that they them then than
model models ranking rank ranker feed news post posts user users friend friends page pages group groups
optimise optimize weighted sum predicted likes like comments comment shares share weighting higher because
signal signals meaningful interaction interactions engagement objective goal business long term value
offline online metric metrics auc roc log loss ndcg split time based held out week recent per head heads
impression impressions example examples label labels positive negative within hours day days click clicks
multi task network neural shared layers layer one type reaction reactions deep baseline gbdt
candidate candidates gather light heavy re diversity ms latency budget serve serving cache store
monitor monitoring watch feature features distribution distributions alert alerts drift calibration
dashboard dashboards daily stability index population passes retrain retraining policy threshold
how often people come back spend more minutes app open opens score scores top thousand
##s ##ing ##ed ##er
""".split()

random.seed(20261123)
vocab = SPECIAL + sorted(set(WORDS))
size = len(vocab)

def row(token):
    # [PAD] and [UNK] carry nothing; [CLS]/[SEP] are small so every sentence is not alike.
    if token in ("[PAD]", "[UNK]"):
        return [0.0] * HIDDEN
    scale = 0.05 if token in ("[CLS]", "[SEP]") else 1.0
    return [random.gauss(0.0, 1.0) * scale for _ in range(HIDDEN)]

word = helper.make_tensor("word_embeddings", TensorProto.FLOAT, [size, HIDDEN], [v for t in vocab for v in row(t)])
types = helper.make_tensor("type_embeddings", TensorProto.FLOAT, [2, HIDDEN], [0.0] * (2 * HIDDEN))
pad_value = helper.make_tensor("pad_value", TensorProto.FLOAT, [], [7.0])
one = helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])
last_axis = helper.make_tensor("last_axis", TensorProto.INT64, [1], [-1])

layer_weights = []
layer_nodes = []
for i in range(args.layers):
    up = helper.make_tensor(f"up{i}", TensorProto.FLOAT, [HIDDEN, 4 * HIDDEN], [random.gauss(0.0, 0.05) for _ in range(4 * HIDDEN * HIDDEN)])
    down = helper.make_tensor(f"down{i}", TensorProto.FLOAT, [4 * HIDDEN, HIDDEN], [random.gauss(0.0, 0.05) for _ in range(4 * HIDDEN * HIDDEN)])
    layer_weights += [up, down]
    layer_nodes += [
        helper.make_node("MatMul", [f"layer{i}", f"up{i}"], [f"wide{i}"]),
        helper.make_node("Relu", [f"wide{i}"], [f"act{i}"]),
        helper.make_node("MatMul", [f"act{i}", f"down{i}"], [f"narrow{i}"]),
        helper.make_node("Add", [f"layer{i}", f"narrow{i}"], [f"layer{i + 1}"]),
    ]

nodes = [
    helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"]),
    helper.make_node("Gather", ["type_embeddings", "token_type_ids"], ["kinds"]),
    helper.make_node("Add", ["words", "kinds"], ["summed"]),
    helper.make_node("Tanh", ["summed"], ["layer0"]),
    helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
    helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask3"]),
    *layer_nodes,
    helper.make_node("Identity", [f"layer{args.layers}"], ["states"]),
    helper.make_node("Mul", ["states", "mask3"], ["kept"]),
    helper.make_node("Sub", ["one", "mask3"], ["padding"]),
    helper.make_node("Mul", ["padding", "pad_value"], ["pad_fill"]),
    helper.make_node("Add", ["kept", "pad_fill"], ["last_hidden_state"]),
]
inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "sequence"]) for n in ("input_ids", "attention_mask", "token_type_ids")]
output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])
graph = helper.make_graph(nodes, "tiny-bert", inputs, [output], initializer=[word, types, pad_value, one, last_axis, *layer_weights])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="evaluator-tests")
model.ir_version = 8
onnx.checker.check_model(model)

here = os.path.abspath(args.out)
os.makedirs(here, exist_ok=True)
onnx.save(model, os.path.join(here, "model.onnx"))
with open(os.path.join(here, "vocab.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(vocab) + "\n")
print(f"wrote {here}: {size} tokens, hidden size {HIDDEN}")
