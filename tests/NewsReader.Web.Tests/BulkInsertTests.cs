using Microsoft.Data.Sqlite;
using NewsReader.Web.Features.Ingestion;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests;

/// <summary>
/// Ingestion's bulk inserts bind values on SQLite's handle themselves, by position. What they store must
/// be what Microsoft.Data.Sqlite stores for the same values (the entity path's), type and bytes.
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static readonly TheoryData<string, object?> Values = new()
    {
        { "empty text", "" },
        { "null", null },
        { "ascii", "Ferry sails at dawn" },
        { "accents, CJK and an emoji", "Inès à Tōkyō — 東京で会議 🚢" },
        { "text longer than the reused buffer", string.Concat(Enumerable.Repeat("Ünïcode paragraph, again and again. ", 2000)) },
        { "a lone surrogate", "broken \uD800 pair" },
        { "a NUL char", "before\0after" },
        { "an integer", 42 },
        { "a long integer", 1L << 40 },
        { "a blob", new byte[] { 0, 1, 2, 255 } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_is_stored_as_the_provider_stores_it(string what, object? value)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("bulk.db")}");
        connection.Open();
        Execute(connection, "CREATE TABLE Bulk (Id INTEGER, Before TEXT, Value, After TEXT); CREATE TABLE Provider (Id INTEGER, Before TEXT, Value, After TEXT);");

        using (var insert = new NewDumpWriter.Insert(connection, "INSERT INTO Bulk VALUES ($id, $before, $value, $after)", "$id", "$before", "$value", "$after"))
        {
            // Values before and after it in the same row, and a second row through the same statement.
            insert.Run(1, "before", value, "after");
            insert.Run(2, "second row", value, "");
        }
        foreach (var (id, before, after) in new[] { (1, "before", "after"), (2, "second row", "") })
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO Provider VALUES ($id, $before, $value, $after)";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$before", before);
            command.Parameters.AddWithValue("$value", value ?? DBNull.Value);
            command.Parameters.AddWithValue("$after", after);
            command.ExecuteNonQuery();
        }

        var stored = Rows(connection, "Bulk");
        var expected = Rows(connection, "Provider");
        Assert.Equal(2, stored.Count);
        Assert.True(expected.SequenceEqual(stored), $"{what}: stored {string.Join(" / ", stored)}; the provider stores {string.Join(" / ", expected)}");
    }

    private static List<string> Rows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, typeof(Before), hex(Before), typeof(Value), hex(Value), typeof(After), hex(After) FROM {table} ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
