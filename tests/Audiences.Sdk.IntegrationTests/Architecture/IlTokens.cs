using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// Reads the metadata tokens a method body's IL names: the types, fields, methods and signatures
/// of <c>newobj</c>, <c>call</c>, <c>ldfld</c>, <c>castclass</c>, <c>ldtoken</c> and the like. A method
/// body is where a type can be used without appearing in any declaration, so it has to be read.
/// </summary>
internal static class IlTokens
{
    // The operand kind of every opcode, taken from the framework's own opcode table.
    private static readonly Dictionary<short, OperandType> Operands = ReadOperandTable();

    public static IReadOnlyList<EntityHandle> Read(MethodBodyBlock body)
    {
        var tokens = new List<EntityHandle>();
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int first = il.ReadByte();
            var code = first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : (short)first;
            switch (Operands[code])
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineSig:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    // The target count, then that many targets (read first: += would read Offset before it).
                    var targets = il.ReadInt32();
                    il.Offset += targets * 4;
                    break;
                case var other:
                    il.Offset += OperandSize(other);
                    break;
            }
        }

        return tokens;
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        // Branch targets, int32 and float32 constants and string tokens.
        _ => 4,
    };

    private static Dictionary<short, OperandType> ReadOperandTable()
    {
        var table = new Dictionary<short, OperandType>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode opCode)
            {
                table.TryAdd(opCode.Value, opCode.OperandType);
            }
        }

        return table;
    }
}
