package io.clearsky.worker.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.ColumnInfo;
import io.clearsky.core.catalog.TableInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions the word-by-word reader answers, and questions it must decline because a word is not
 * understood.
 */
class OfflineQuestionParserTest {

    private static final List<TableInfo> TABLES = List.of(new TableInfo("main", "cars", null, List.of(
            new ColumnInfo("car_id", "INTEGER", null, false),
            new ColumnInfo("name", "VARCHAR", null, false),
            new ColumnInfo("cylinders", "INTEGER", null, false),
            new ColumnInfo("year", "INTEGER", null, false),
            new ColumnInfo("weight", "DOUBLE", null, false),
            new ColumnInfo("origin", "VARCHAR", null, false, List.of("Europe", "Japan", "USA"), true),
            new ColumnInfo("maker", "VARCHAR", null, false, List.of("ford", "volvo"), false)), 406L),
            new TableInfo("main", "country", null, List.of(
                    new ColumnInfo("Code", "VARCHAR", null, false, List.of("ARE", "IND", "NLD"), true),
                    new ColumnInfo("Continent", "VARCHAR", null, false, List.of("Asia", "Europe"), true),
                    new ColumnInfo("Region", "VARCHAR", null, false, List.of("Southern Asia", "Western Europe", "Asia"), true),
                    new ColumnInfo("LifeExpectancy", "DOUBLE", null, false),
                    new ColumnInfo("Population", "INTEGER", null, false),
                    new ColumnInfo("GNP", "DOUBLE", null, false)), 239L),
            new TableInfo("main", "engines_data", null, List.of(new ColumnInfo("id", "INTEGER", null, false),
                    new ColumnInfo("power", "INTEGER", null, false)), 10L),
            new TableInfo("main", "model_list", null, List.of(new ColumnInfo("Maker", "VARCHAR", null, false),
                    new ColumnInfo("Model", "VARCHAR", null, false)), 10L),
            new TableInfo("main", "Documents", null, List.of(new ColumnInfo("Document_ID", "INTEGER", null, false),
                    new ColumnInfo("Document_Description", "VARCHAR", null, false),
                    new ColumnInfo("Document_Type_Code", "VARCHAR", null, false, List.of("BK", "CV"), true)), 10L),
            new TableInfo("main", "teacher", null, List.of(new ColumnInfo("Name", "VARCHAR", null, false),
                    new ColumnInfo("Age", "INTEGER", null, false), new ColumnInfo("Hometown", "VARCHAR", null, false)), 7L),
            new TableInfo("main", "shop", null, List.of(new ColumnInfo("Name", "VARCHAR", null, false),
                    new ColumnInfo("Number_products", "INTEGER", null, false),
                    new ColumnInfo("GovernmentForm", "VARCHAR", null, false),
                    new ColumnInfo("country_name", "VARCHAR", null, false),
                    new ColumnInfo("Final_Table_Made", "INTEGER", null, false),
                    new ColumnInfo("Kind", "VARCHAR", null, false, List.of("Outlet", "Warehouse"), true)), 9L),
            new TableInfo("main", "singer", null, List.of(new ColumnInfo("Name", "VARCHAR", null, false),
                    new ColumnInfo("Country", "VARCHAR", null, false), new ColumnInfo("Song_Name", "VARCHAR", null, false),
                    new ColumnInfo("City", "VARCHAR", null, false, List.of("New York", "Paris"), true)), 6L),
            new TableInfo("main", "Ref_Colours", null, List.of(
                    new ColumnInfo("Colour_Code", "VARCHAR", null, false, List.of("BL", "RD"), true),
                    new ColumnInfo("Colour_Description", "VARCHAR", null, false)), 2L));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            How many cars have more than 4 cylinders?        | SELECT count(*) FROM "cars" WHERE "cylinders" > 4
            how many cars are from Japan?                    | SELECT count(*) FROM "cars" WHERE "origin" = 'Japan'
            What is the average weight of cars from Europe?  | SELECT avg("weight") FROM "cars" WHERE "origin" = 'Europe'
            What is the maximum and minimum weight of cars?  | SELECT max("weight"), min("weight") FROM "cars"
            How many different years are there for cars?     | SELECT count(DISTINCT "year") FROM "cars"
            Which cars have a weight between 3000 and 4000?  | SELECT "name" FROM "cars" WHERE "weight" BETWEEN 3000 AND 4000 LIMIT 50
            What are the names of cars with year above 1980? | SELECT "name" FROM "cars" WHERE "year" > 1980 LIMIT 50
            What is the average life expectancy of countries in Europe? | SELECT avg("LifeExpectancy") FROM "country" WHERE "Continent" = 'Europe'
            What is the total population and maximum GNP of countries in Western Europe? | SELECT sum("Population"), max("GNP") FROM "country" WHERE "Region" = 'Western Europe'
            How many countries have the code NLD?            | SELECT count(*) FROM "country" WHERE "Code" = 'NLD'
            List the names of cars in descending order of weight. | SELECT "name" FROM "cars" ORDER BY "weight" DESC LIMIT 50
            What is the name of the car with the highest weight?  | SELECT "name" FROM "cars" ORDER BY "weight" DESC LIMIT 1
            What are the names of the cars with the 3 lowest weights? | SELECT "name" FROM "cars" ORDER BY "weight" LIMIT 3
            How many cars are there for each origin?         | SELECT "origin", count(*) FROM "cars" GROUP BY "origin" ORDER BY count(*) DESC, "origin"
            What is the average weight of cars per year?     | SELECT avg("weight"), "year" FROM "cars" GROUP BY "year" ORDER BY avg("weight") DESC NULLS LAST, "year"
            How many engines have more than 200 power?       | SELECT count(*) FROM "engines_data" WHERE "power" > 200
            Which cars have a name containing 'Ford'?        | SELECT "name" FROM "cars" WHERE lower("name") LIKE '%ford%' LIMIT 50
            List the names of cars whose name starts with "vol". | SELECT "name" FROM "cars" WHERE lower("name") LIKE 'vol%' LIMIT 50
            How many cars are not from Japan?                | SELECT count(*) FROM "cars" WHERE "origin" != 'Japan'
            How many cars have origin 'USA'?                 | SELECT count(*) FROM "cars" WHERE "origin" = 'USA'
            What is all the information about cars from Europe? | SELECT * FROM "cars" WHERE "origin" = 'Europe' LIMIT 50
            How many cars are there in 1980?                 | SELECT count(*) FROM "cars" WHERE "year" = 1980
            How many cars are there in year 1980 or 1981?    | SELECT count(*) FROM "cars" WHERE "year" IN (1980, 1981)
            How many cars have a greater weight than 3000?   | SELECT count(*) FROM "cars" WHERE "weight" > 3000
            What is the total population and maximum GNP in Europe? | SELECT sum("Population"), max("GNP") FROM "country" WHERE "Continent" = 'Europe'
            Which origin has the most cars?                  | SELECT "origin" FROM "cars" GROUP BY "origin" ORDER BY count(*) DESC, "origin" LIMIT 1
            What is the average and maximum weight for each origin? | SELECT avg("weight"), max("weight"), "origin" FROM "cars" GROUP BY "origin" ORDER BY avg("weight") DESC NULLS LAST, "origin"
            What are the descriptions of all documents?      | SELECT "Document_Description" FROM "Documents" LIMIT 50
            How many cars are from Europe or Japan?          | SELECT count(*) FROM "cars" WHERE "origin" IN ('Europe', 'Japan')
            List the names of cars with more than 4 cylinders. | SELECT "name" FROM "cars" WHERE "cylinders" > 4 LIMIT 50
            List the document ids and descriptions of all documents. | SELECT "Document_ID", "Document_Description" FROM "Documents" LIMIT 50
            How many documents are of the type CV?           | SELECT count(*) FROM "Documents" WHERE "Document_Type_Code" = 'CV'
            What are the names of cars ordered by descending weight? | SELECT "name" FROM "cars" ORDER BY "weight" DESC LIMIT 50
            Sort the car names by their weight in ascending order. | SELECT "name" FROM "cars" ORDER BY "weight" LIMIT 50
            What is the hometown of the youngest teacher?    | SELECT "Hometown" FROM "teacher" ORDER BY "Age" LIMIT 1
            What is the name of the heaviest car?            | SELECT "name" FROM "cars" ORDER BY "weight" DESC LIMIT 1
            What are the names of cars ordered alphabetically? | SELECT "name" FROM "cars" ORDER BY "name" LIMIT 50
            What is the year that had the most cars?         | SELECT "year" FROM "cars" GROUP BY "year" ORDER BY count(*) DESC, "year" LIMIT 1
            How many shops are there in each country?        | SELECT "country_name", count(*) FROM "shop" GROUP BY "country_name" ORDER BY count(*) DESC, "country_name"
            What is the total number of products of shops by country? | SELECT sum("Number_products"), "country_name" FROM "shop" GROUP BY "country_name" ORDER BY sum("Number_products") DESC NULLS LAST, "country_name"
            Which shop's number of products is the largest?  | SELECT "Name" FROM "shop" ORDER BY "Number_products" DESC LIMIT 1
            List the names of shops in descending order of number of products. | SELECT "Name" FROM "shop" ORDER BY "Number_products" DESC LIMIT 50
            What is the form of government of each shop?     | SELECT "GovernmentForm" FROM "shop" LIMIT 50
            What are the ids of documents with document type code BK or CV? | SELECT "Document_ID" FROM "Documents" WHERE "Document_Type_Code" IN ('BK', 'CV') LIMIT 50
            What is the colour description of the colour with the code RD? | SELECT "Colour_Description" FROM "Ref_Colours" WHERE "Colour_Code" = 'RD' LIMIT 50
            List the names of shops ordered by the final tables made. | SELECT "Name" FROM "shop" ORDER BY "Final_Table_Made" LIMIT 50
            How many shops are outlets?                      | SELECT count(*) FROM "shop" WHERE "Kind" = 'Outlet'
            What is the minimum weight of cars with 8 cylinders? | SELECT min("weight") FROM "cars" WHERE "cylinders" = 8
            What are the weights of cars with a weight above 3000? | SELECT "weight" FROM "cars" WHERE "weight" > 3000 LIMIT 50
            What are the names of cars whose weight is above the average? | SELECT "name" FROM "cars" WHERE "weight" > (SELECT avg("weight") FROM "cars") LIMIT 50
            What are the names of teachers older than the average age? | SELECT "Name" FROM "teacher" WHERE "Age" > (SELECT avg("Age") FROM "teacher") LIMIT 50
            What is the total population of European countries? | SELECT sum("Population") FROM "country" WHERE "Continent" = 'Europe'
            How many stores are there?                       | SELECT count(*) FROM "shop"
            How many nations are in Europe?                  | SELECT count(*) FROM "country" WHERE "Continent" = 'Europe'
            What are the names of teachers aged 32 or 33?    | SELECT "Name" FROM "teacher" WHERE "Age" IN (32, 33) LIMIT 50
            What are the names of teachers older than 30?    | SELECT "Name" FROM "teacher" WHERE "Age" > 30 LIMIT 50
            How many cars are heavier than 3000?             | SELECT count(*) FROM "cars" WHERE "weight" > 3000
            What is the name and nation of the singer who has a song with 'Hey' in its name? | SELECT "Name", "Country" FROM "singer" WHERE lower("Song_Name") LIKE '%hey%' LIMIT 50
            How many singers are from the city of Paris?     | SELECT count(*) FROM "singer" WHERE "City" = 'Paris'
            Get the singers and their countries.             | SELECT "Name", "Country" FROM "singer" LIMIT 50
            What are the names of the cars when the maker is not 'ford'? | SELECT "name" FROM "cars" WHERE "maker" != 'ford' LIMIT 50
            What are the distinct hometowns where teachers above age 30 are from? | SELECT DISTINCT "Hometown" FROM "teacher" WHERE "Age" > 30 LIMIT 50
            Show the hometowns shared by at least two teachers. | SELECT "Hometown" FROM "teacher" GROUP BY "Hometown" HAVING count(*) >= 2 ORDER BY "Hometown"
            What are the origins with 3 or more cars?        | SELECT "origin" FROM "cars" GROUP BY "origin" HAVING count(*) >= 3 ORDER BY "origin"
            Show all origins and the number of cars for each. | SELECT "origin", count(*) FROM "cars" GROUP BY "origin" ORDER BY count(*) DESC, "origin"
            What are the different origins, and how many cars are from each? | SELECT "origin", count(*) FROM "cars" GROUP BY "origin" ORDER BY count(*) DESC, "origin"
            What is the total population of countries whose continent is Europe? | SELECT sum("Population") FROM "country" WHERE "Continent" = 'Europe'
            What is the ratio of weight to cylinders for each car? | SELECT "name", CAST("weight" AS DOUBLE) / NULLIF("cylinders", 0) AS ratio FROM "cars" LIMIT 50
            """)
    void answersWhatItFullyUnderstands(String question, String sql) {
        assertThat(OfflineQuestionParser.parse(question, TABLES, 50)).map(Generation.Sql::sql).contains(sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Always filter names using ILIKE                                 | lower("origin") LIKE '%japan%'
            Match all strings case-insensitively using wildcard operators. | lower("origin") LIKE '%japan%'
            Always filter names using an exact match                        | "origin" = 'Japan'
            """)
    void matchesNamesInPartWhenTheInstructionsSaySo(String instruction, String condition) {
        assertThat(OfflineQuestionParser.parse("How many cars are from Japan?\n" + instruction, TABLES, 50))
                .map(Generation.Sql::sql).contains("SELECT count(*) FROM \"cars\" WHERE " + condition);
    }

    @ParameterizedTest
    @ValueSource(strings = { "How many cars were made by ford?", "Which cars are fastest?",
            "How many cars have more than 10 owners?", "What is the average weight of the cheapest cars?",
            "How many cars have more than 4 doors?", "List the cars people love",
            // "are" is a word here, not the code ARE; "Asia" is a continent and a region.
            "How many countries are in Asia?", "What is the population of countries in Asia or Europe?",
            // A superlative over something that is not a numeric column of the table.
            "Which car has the most owners?", "What is the name of the car with the highest origin?",
            // model_list's "models" may be the table or its Model column.
            "What are the makers and models?",
            // Two whole values of one column cannot both hold; quoted text with no column to belong to.
            "Which cars have name 'a' and 'b'?", "What is the weight of 'Boril'?",
            // No table named and no column of one: not enough to know what is asked.
            "What is in Europe?",
            // Two questions in one: a list and a count.
            "What are the different origins, and how many cars are there?",
            // An adjective whose measure the table lacks.
            "What is the name of the oldest car?", "What are the names of cars younger than average?",
            // "Which" asks for a row, not for an aggregate's value.
            "Which maximum weight do cars have?",
            // A ratio per continent would need sums; a ratio per country needs a column that names the country.
            "What is the ratio of GNP to population for each continent?", "What is the ratio of GNP to population of countries?" })
    void declinesWhenAWordIsNotUnderstood(String question) {
        assertThat(OfflineQuestionParser.parse(question, TABLES, 50)).isEqualTo(Optional.empty());
    }

    private static final List<TableInfo> JOINABLE = List.of(
            new TableInfo("main", "poker_player", null, List.of(new ColumnInfo("Poker_Player_ID", "INTEGER", null, false),
                    new ColumnInfo("People_ID", "INTEGER", null, false), new ColumnInfo("Earnings", "DOUBLE", null, false)), 5L),
            new TableInfo("main", "people", null, List.of(new ColumnInfo("People_ID", "INTEGER", null, false),
                    new ColumnInfo("Name", "VARCHAR", null, false), new ColumnInfo("Height", "DOUBLE", null, false)), 7L),
            new TableInfo("main", "ship", null, List.of(new ColumnInfo("id", "INTEGER", null, false),
                    new ColumnInfo("name", "VARCHAR", null, false)), 7L),
            new TableInfo("main", "death", null, List.of(new ColumnInfo("caused_by_ship_id", "INTEGER", null, false),
                    new ColumnInfo("killed", "INTEGER", null, false)), 7L),
            new TableInfo("main", "cars_data", null, List.of(new ColumnInfo("Id", "INTEGER", null, false),
                    new ColumnInfo("Year", "INTEGER", null, false)), 7L),
            new TableInfo("main", "car_makers", null, List.of(new ColumnInfo("Id", "INTEGER", null, false),
                    new ColumnInfo("Maker", "VARCHAR", null, false)), 7L));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What are the names of poker players?             | SELECT "Name" FROM "poker_player" JOIN "people" USING ("People_ID") LIMIT 50
            What is the average earnings of poker players with height higher than 200? | SELECT avg("Earnings") FROM "poker_player" JOIN "people" USING ("People_ID") WHERE "Height" > 200
            What is the total killed of death with ship name 'Lettice'? | SELECT sum("killed") FROM "ship" JOIN "death" ON "ship"."id" = "death"."caused_by_ship_id" WHERE "name" = 'Lettice'
            """)
    void joinsTheTableThatHoldsTheNamedColumns(String question, String sql) {
        assertThat(OfflineQuestionParser.parse(question, JOINABLE, 50)).map(Generation.Sql::sql).contains(sql);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            What are the names of people and the number of poker players for each? | SELECT "Name", "number_of_poker_player" FROM "people" JOIN (SELECT "People_ID", count(*) AS "number_of_poker_player" FROM "poker_player" GROUP BY "People_ID") AS "poker_player_counts" USING ("People_ID") LIMIT 50
            What is the name of the people with the most poker players? | SELECT "Name" FROM "people" JOIN (SELECT "People_ID", count(*) AS "number_of_poker_player" FROM "poker_player" GROUP BY "People_ID") AS "poker_player_counts" USING ("People_ID") ORDER BY "number_of_poker_player" DESC LIMIT 1
            How many people have at least two poker players? | SELECT count(*) FROM "people" JOIN (SELECT "People_ID", count(*) AS "number_of_poker_player" FROM "poker_player" GROUP BY "People_ID") AS "poker_player_counts" USING ("People_ID") WHERE "number_of_poker_player" >= 2
            What are the names of ships with 2 or more deaths? | SELECT "name" FROM "ship" JOIN (SELECT "caused_by_ship_id", count(*) AS "number_of_death" FROM "death" GROUP BY "caused_by_ship_id") AS "death_counts" ON "ship"."id" = "death_counts"."caused_by_ship_id" WHERE "number_of_death" >= 2 LIMIT 50
            What are the names of ships with more than 3 deaths? | SELECT "name" FROM "ship" JOIN (SELECT "caused_by_ship_id", count(*) AS "number_of_death" FROM "death" GROUP BY "caused_by_ship_id") AS "death_counts" ON "ship"."id" = "death_counts"."caused_by_ship_id" WHERE "number_of_death" > 3 LIMIT 50
            """)
    void countsTheRowsThatPointAtEachRow(String question, String sql) {
        assertThat(OfflineQuestionParser.parse(question, JOINABLE, 50)).map(Generation.Sql::sql).contains(sql);
    }

    private static final List<TableInfo> LINKED = List.of(
            new TableInfo("main", "singer", null, List.of(new ColumnInfo("Singer_ID", "INTEGER", null, false),
                    new ColumnInfo("Name", "VARCHAR", null, false), new ColumnInfo("Age", "INTEGER", null, false)), 6L),
            new TableInfo("main", "concert", null, List.of(new ColumnInfo("concert_ID", "INTEGER", null, false),
                    new ColumnInfo("concert_Name", "VARCHAR", null, false), new ColumnInfo("Year", "INTEGER", null, false)), 6L),
            new TableInfo("main", "singer_in_concert", null, List.of(new ColumnInfo("concert_ID", "INTEGER", null, false),
                    new ColumnInfo("Singer_ID", "INTEGER", null, false)), 10L),
            new TableInfo("main", "Documents", null, List.of(new ColumnInfo("Document_ID", "INTEGER", null, false),
                    new ColumnInfo("Document_Name", "VARCHAR", null, false), new ColumnInfo("Other_Details", "VARCHAR", null, false)), 5L),
            new TableInfo("main", "Paragraphs", null, List.of(new ColumnInfo("Paragraph_ID", "INTEGER", null, false),
                    new ColumnInfo("Document_ID", "INTEGER", null, false), new ColumnInfo("Paragraph_Text", "VARCHAR", null, false),
                    new ColumnInfo("Other_Details", "VARCHAR", null, false)), 9L));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            List the singer names and the number of concerts for each singer. | SELECT "Name", "number_of_concert" FROM "singer" JOIN (SELECT "Singer_ID", count(*) AS "number_of_concert" FROM "singer_in_concert" GROUP BY "Singer_ID") AS "concert_counts" USING ("Singer_ID") LIMIT 50
            What are the names of singers that do not have any concert? | SELECT "Name" FROM "singer" WHERE "Singer_ID" NOT IN (SELECT "Singer_ID" FROM "singer_in_concert" WHERE "Singer_ID" IS NOT NULL) LIMIT 50
            What is the average age of singers with no concerts? | SELECT avg("Age") FROM "singer" WHERE "Singer_ID" NOT IN (SELECT "Singer_ID" FROM "singer_in_concert" WHERE "Singer_ID" IS NOT NULL)
            Show the names of documents not used by any paragraph. | SELECT "Document_Name" FROM "Documents" WHERE "Document_ID" NOT IN (SELECT "Document_ID" FROM "Paragraphs" WHERE "Document_ID" IS NOT NULL) LIMIT 50
            Show all paragraph texts for the document named 'Welcome'. | SELECT "Paragraph_Text" FROM "Paragraphs" JOIN "Documents" USING ("Document_ID") WHERE "Document_Name" = 'Welcome' LIMIT 50
            """)
    void readsRowsThroughLinkingAndPointingTables(String question, String sql) {
        assertThat(OfflineQuestionParser.parse(question, LINKED, 50)).map(Generation.Sql::sql).contains(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // What is said after "did not have a concert" is said of the concert, which this reading cannot place.
            "What are the names of singers that did not have a concert in 2014?" })
    void declinesWhenSomethingIsSaidOfTheRowsThatAreMissing(String question) {
        assertThat(OfflineQuestionParser.parse(question, LINKED, 50)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // people joined with poker players repeats a person per player row: the count would be of players.
            "How many people have earnings above 100?", "How many ships have killed above 10?",
            // Naming the partner table without using any of its columns is no reason to join it.
            "How many deaths are there with ships?",
            // cars_data.Id and car_makers.Id are each their own table's key, not a reference.
            "List the makers of car makers with year above 1970.",
            // A count of related rows with nothing to say whose it is.
            "What is the number of poker players for each people?" })
    void declinesJoinsThatMultiplyCountsOrAreNotNeeded(String question) {
        assertThat(OfflineQuestionParser.parse(question, JOINABLE, 50)).isEqualTo(Optional.empty());
    }
}
