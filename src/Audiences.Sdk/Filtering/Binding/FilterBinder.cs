using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// Checks a filter against a field catalog before anything runs and converts its literals to the
/// fields' types (<c>"0500"</c> for a number field becomes 500, <c>"2026-01-31"</c> for a date-time
/// field becomes that instant).
/// </summary>
/// <remarks>Thread-safe: every call works on its own state.</remarks>
public static class FilterBinder
{
    /// <summary>Binds a filter to the catalog's fields for <paramref name="kind"/>.</summary>
    /// <param name="filter">The filter, built in code, parsed or read from JSON.</param>
    /// <param name="kind">The entity kind the filter selects.</param>
    /// <param name="catalog">The fields, related collections and linked entities that exist.</param>
    /// <returns>The bound filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FilterBindingException">
    /// A field, linked entity or collection is unknown (with the closest known name), an operator does
    /// not apply to the field's type, a value does not fit the field's type, or a range is reversed.
    /// </exception>
    public static BoundFilter Bind(Filter filter, EntityKind kind, IFilterCatalog catalog) => Bind(filter, kind, catalog, null);

    internal static BoundFilter Bind(Filter filter, EntityKind kind, IFilterCatalog catalog, SourceMap? map)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(catalog);
        var definitions = new ConditionalWeakTable<Condition, FieldDefinition>();
        var scope = BindingScope.ForKind(kind, catalog);
        var bound = new Binder(catalog, map, definitions).Bind(filter, scope);
        return new BoundFilter(bound, kind, definitions);
    }

    private sealed class Binder(IFilterCatalog catalog, SourceMap? map, ConditionalWeakTable<Condition, FieldDefinition> definitions)
    {
        public Filter Bind(Filter filter, BindingScope scope) => filter switch
        {
            Condition condition => BindCondition(condition, scope),
            FilterGroup group => new FilterGroup(group.Operator, group.Filters.Select(f => Bind(f, scope))),
            NotFilter not => new NotFilter(Bind(not.Operand, scope)),
            RelatedFilter related => BindRelated(related, scope),
            _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter)),
        };

        private RelatedFilter BindRelated(RelatedFilter related, BindingScope scope)
        {
            var at = map?.Find(related)?.Name;
            if (scope.Related.Count == 0 && scope.IsKind)
            {
                throw new FilterBindingException(
                    $"The catalog declares no related record collections for {scope.Description}, so '{related.Collection}' is unknown "
                    + "(declare them in AudiencesOptions.RelatedRecordTypes)",
                    at, "a condition on a field", $"'{related.Collection}.{related.Quantifier.ToString().ToLowerInvariant()}(...)'");
            }

            if (scope.Related.Count == 0)
            {
                throw new FilterBindingException(
                    $"Related records cannot be nested in {scope.Description}", at, "a condition on a field", $"'{related.Collection}.{related.Quantifier.ToString().ToLowerInvariant()}(...)'");
            }

            var collection = scope.Related.FirstOrDefault(r => Same(r.Name, related.Collection))
                ?? throw Unknown("related collection", related.Collection, scope.Related.Select(r => r.Name), scope, at);
            var inner = Bind(related.Filter, BindingScope.ForCollection(collection));
            return new RelatedFilter(collection.Name, related.Quantifier, inner);
        }

        private Condition BindCondition(Condition condition, BindingScope scope)
        {
            var spans = map?.Find(condition);
            var (path, field) = Resolve(condition.Field, scope, spans?.Name);
            if (!OperatorRules.Supports(field.Type, condition.Operator))
            {
                throw new FilterBindingException(
                    $"The operator '{condition.Operator.ToText()}' does not apply to the {Describe(field.Type)} field '{path.Path}'",
                    spans?.Operator, $"one of {string.Join(", ", OperatorRules.For(field.Type).Select(o => o.ToText()))}",
                    $"'{condition.Operator.ToText()}'", field: path.Path);
            }

            var values = new FieldValue[condition.Values.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var at = spans is not null && i < spans.Values.Count ? spans.Values[i] : (FilterPosition?)null;
                values[i] = Convert(condition.Values[i], field, path, at);
            }

            if (condition.Operator == FilterOperator.Between && Compare(values[0], values[1]) > 0)
            {
                throw new FilterBindingException(
                    $"The range of '{path.Path}' is reversed", spans?.Values[0], "the lower bound first",
                    $"{FilterPrinter.FormatValue(values[0])} and {FilterPrinter.FormatValue(values[1])}", field: path.Path);
            }

            var bound = condition.WithValues(path, values);
            definitions.Add(bound, field);
            return bound;
        }

        private (FieldPath Path, FieldDefinition Field) Resolve(FieldPath path, BindingScope scope, FilterPosition? at)
        {
            var fieldScope = scope;
            string? entity = null;
            if (path.Entity is { } entityName)
            {
                var link = scope.Linked.FirstOrDefault(l => Same(l.Name, entityName));
                if (link is null)
                {
                    if (scope.Related.FirstOrDefault(r => Same(r.Name, entityName)) is { } collection)
                    {
                        throw new FilterBindingException(
                            $"'{collection.Name}' are related records and need a quantifier", at,
                            $"{collection.Name}.any({path.Field} ...), .all(...) or .none(...)", $"'{path.Path}'", field: path.Path);
                    }

                    throw Unknown("linked entity", entityName, scope.Linked.Select(l => l.Name), scope, at);
                }

                entity = link.Name;
                fieldScope = BindingScope.ForLink(link, catalog);
            }

            var field = fieldScope.Fields.FirstOrDefault(f => f.Key == path.Field)
                ?? fieldScope.Fields.FirstOrDefault(f => Same(f.Key, path.Field));
            if (field is null)
            {
                if (entity is null && scope.Related.FirstOrDefault(r => Same(r.Name, path.Field)) is { } collection)
                {
                    throw new FilterBindingException(
                        $"'{collection.Name}' are related records and need a quantifier", at,
                        $"{collection.Name}.any(...), .all(...) or .none(...)", $"'{path.Path}'", field: path.Path);
                }

                throw Unknown("field", path.Field, fieldScope.Fields.Select(f => f.Key), fieldScope, at, path.Path);
            }

            return (new FieldPath(entity is null ? field.Key : $"{entity}.{field.Key}"), field);
        }

        private static FieldValue Convert(FieldValue literal, FieldDefinition field, FieldPath path, FilterPosition? at)
        {
            var target = field.Type == FieldType.TextList ? FieldType.Text : field.Type;
            if (literal.Type == target)
            {
                return literal;
            }

            // Quoted text that reads as the field's type is accepted ("0500" is 500 for a number field).
            if (literal.Type == FieldType.Text && target != FieldType.Text
                && FieldValue.TryParse(literal.AsText(), target, out var parsed, out _) && !parsed.IsEmpty)
            {
                return parsed;
            }

            throw new FilterBindingException(
                $"The value for the {Describe(field.Type)} field '{path.Path}' has the wrong type", at,
                ExpectedValue(field.Type), $"{Describe(literal.Type)} {FilterPrinter.FormatValue(literal)}", field: path.Path);
        }

        private static int Compare(FieldValue a, FieldValue b) => a.Type == FieldType.Number
            ? a.AsNumber().CompareTo(b.AsNumber())
            : a.AsDateTime().CompareTo(b.AsDateTime());

        private static FilterBindingException Unknown(string what, string name, IEnumerable<string> known, BindingScope scope, FilterPosition? at, string? field = null)
        {
            var names = known.ToList();
            var suggestion = DidYouMean.Closest(name, names);
            return new FilterBindingException(
                $"Unknown {what} '{name}' for {scope.Description}", at,
                names.Count == 0 ? $"a {what} (there are none)" : $"one of {string.Join(", ", names.Order(StringComparer.Ordinal))}",
                $"'{name}'", suggestion, field ?? name);
        }

        private static string ExpectedValue(FieldType type) => type switch
        {
            FieldType.Number => "a number such as 500",
            FieldType.Boolean => "true or false",
            FieldType.DateTime => "a date such as 2026-01-31 or 2026-01-31T09:30:00Z",
            _ => "quoted text such as \"VP\"",
        };

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Describe(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "date-time",
        FieldType.TextList => "list-of-text",
        _ => "empty",
    };
}
