using ClaimReview.Web.Importing;

namespace ClaimReview.Web.Tests.Admin;

public sealed class UploadNameTests
{
    [Theory]
    [InlineData("article.txt", "article.txt")]
    [InlineData("001_88d8fa0ade3b59e0.txt", "001_88d8fa0ade3b59e0.txt")]
    [InlineData("Report.TXT", "Report.txt")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\windows\\x.txt", "x.txt")]
    [InlineData("/etc/cron.d/job.txt", "job.txt")]
    [InlineData("C:\\Users\\me\\Desktop\\story.txt", "story.txt")]
    [InlineData("\\\\server\\share\\story.txt", "story.txt")]
    [InlineData("..txt", "upload.txt")]
    [InlineData("...txt", "upload.txt")]
    [InlineData(".hidden.txt", "hidden.txt")]
    [InlineData("a\0b.txt", "a-b.txt")]
    [InlineData("line\nbreak\r.txt", "line-break.txt")]
    [InlineData("report v2.1 (final).txt", "report-v2-1-final.txt")]
    [InlineData("Café Kaboré.txt", "Cafe-Kabore.txt")]
    [InlineData("قصة.txt", "upload.txt")]
    [InlineData("CON.txt", "upload-CON.txt")]
    [InlineData("nul.txt", "upload-nul.txt")]
    [InlineData("%2e%2e%2fetc.txt", "2e-2e-2fetc.txt")]
    public void An_uploaded_file_name_becomes_a_safe_name_in_the_uploads_folder(string clientName, string stored)
    {
        Assert.Equal(stored, ImportSources.SafeName(clientName));
    }

    [Theory]
    [InlineData("notes.md")]
    [InlineData("archive.txt.exe")]
    [InlineData("x.txt\0")]
    [InlineData("x.txt ")]
    [InlineData("noextension")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("folder/")]
    public void Anything_but_a_txt_file_is_refused(string? clientName)
    {
        Assert.Null(ImportSources.SafeName(clientName));
    }

    [Fact]
    public void A_very_long_name_is_shortened_and_every_name_stays_in_the_folder()
    {
        var name = ImportSources.SafeName(new string('x', 5000) + ".txt")!;
        Assert.Equal(new string('x', ImportSources.MaxStemLength) + ".txt", name);

        var folder = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "uploads"));
        foreach (var hostile in new[] { "../../etc/passwd.txt", "..\\x.txt", "/abs.txt", "a\0/../../b.txt", new string('.', 300) + "/x.txt", "~/x.txt", "$HOME.txt" })
        {
            var safe = ImportSources.SafeName(hostile)!;
            Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_-]*\\.txt$", safe);
            Assert.Equal(folder, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, safe))));
        }
    }
}
