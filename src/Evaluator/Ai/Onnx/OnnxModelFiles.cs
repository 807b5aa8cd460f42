namespace Evaluator.Ai;

/// <summary>Where the ONNX model and vocabulary are expected, and what to say when they are not there.</summary>
public static class OnnxModelFiles
{
    /// <summary>A message naming the missing file, the key and the pull command; null when both files exist.</summary>
    public static string? Missing(OnnxOptions onnx)
    {
        var model = onnx.ModelFile;
        var vocab = onnx.VocabFile;
        string? absent = !File.Exists(model) ? model : !File.Exists(vocab) ? vocab : null;
        return absent is null
            ? null
            : $"Ai:Onnx: model file '{Path.GetFullPath(absent)}' not found. Run `evaluator models pull {onnx.Model}` " +
              "(it stores the model under Ai:Onnx:ModelsPath), or set Ai:Onnx:ModelPath and Ai:Onnx:VocabPath.";
    }
}
