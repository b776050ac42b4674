package io.clearsky.core.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Walks a parsed query once and collects every name in it: table references, columns, functions, and
 * the names the query defines itself (CTEs, aliases, select-list names, lambda parameters). Name scopes
 * are flattened: a name defined anywhere counts everywhere, which can only make the column check more
 * lenient, never the table or function checks.
 */
final class QueryInspector extends TablesNamesFinder<Void> {

    final List<Table> tables = new ArrayList<>();

    final List<Column> columns = new ArrayList<>();

    final List<String> functions = new ArrayList<>();

    final List<AllTableColumns> tableStars = new ArrayList<>();

    /** Lower-cased names of CTEs, subqueries and table functions: relations not in the catalog. */
    final Set<String> derivedRelations = new HashSet<>();

    /** Lower-cased column names the query itself defines. */
    final Set<String> definedNames = new HashSet<>();

    final List<String> writingCtes = new ArrayList<>();

    boolean selectInto;

    boolean locking;

    boolean anyStar;

    /** Whether a NATURAL JOIN compares every column its two sides share. */
    boolean naturalJoin;

    static QueryInspector inspect(Statement statement) {
        QueryInspector inspector = new QueryInspector();
        inspector.init(false);
        statement.accept(inspector, null);
        return inspector;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        this.tables.add(table);
        return super.visit(table, context);
    }

    @Override
    public <S> Void visit(Column column, S context) {
        this.columns.add(column);
        return super.visit(column, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        this.functions.add(lower(function.getName()));
        boolean countsRows = function.getParameters() != null && function.getParameters().size() == 1
                && function.getParameters().getFirst() instanceof AllColumns;
        // count(*) counts rows; it reads no column.
        return countsRows ? null : super.visit(function, context);
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
        this.functions.add(lower(function.getFunction().getName()));
        defineRelation(function.getAlias());
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(WithItem<?> item, S context) {
        this.derivedRelations.add(lower(item.getUnquotedAliasName()));
        if (item.getWithItemList() != null) {
            item.getWithItemList().forEach((column) -> this.definedNames.add(lower(column.toString())));
        }
        if (!(item.getParenthesedStatement() instanceof ParenthesedSelect)) {
            this.writingCtes.add(item.getAliasName());
            return null;
        }
        return super.visit(item, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        defineRelation(select.getAlias());
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(LateralSubSelect select, S context) {
        defineRelation(select.getAlias());
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        this.selectInto |= select.getIntoTables() != null && !select.getIntoTables().isEmpty();
        this.locking |= select.getForMode() != null;
        // The table finder has no reason to look into grouping and ordering; the column check does.
        if (select.getGroupBy() != null && select.getGroupBy().getGroupByExpressionList() != null) {
            select.getGroupBy().getGroupByExpressionList().forEach((expression) -> ((Expression) expression).accept(this, context));
        }
        visitOrderBy(select, context);
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                this.naturalJoin |= join.isNatural();
                if (join.getUsingColumns() != null) {
                    this.columns.addAll(join.getUsingColumns()); // USING (c) compares c on both sides
                }
            }
        }
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(SetOperationList select, S context) {
        visitOrderBy(select, context);
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression window, S context) {
        if (window.getPartitionExpressionList() != null) {
            window.getPartitionExpressionList().forEach((expression) -> expression.accept(this, context));
        }
        if (window.getOrderByElements() != null) {
            window.getOrderByElements().forEach((element) -> element.getExpression().accept(this, context));
        }
        return super.visit(window, context);
    }

    private <S> void visitOrderBy(Select select, S context) {
        if (select.getOrderByElements() != null) {
            select.getOrderByElements().forEach((element) -> element.getExpression().accept(this, context));
        }
    }

    @Override
    public <S> Void visit(SelectItem<?> item, S context) {
        if (item.getAlias() != null) {
            this.definedNames.add(lower(item.getAlias().getUnquotedName()));
        }
        return super.visit(item, context);
    }

    @Override
    public <S> Void visit(AllTableColumns star, S context) {
        this.tableStars.add(star);
        return super.visit(star, context);
    }

    @Override
    public <S> Void visit(AllColumns star, S context) {
        this.anyStar = true;
        return super.visit(star, context);
    }

    @Override
    public <S> Void visit(LambdaExpression lambda, S context) {
        lambda.getIdentifiers().forEach((name) -> this.definedNames.add(lower(name)));
        return super.visit(lambda, context);
    }

    private void defineRelation(Alias alias) {
        if (alias == null) {
            return;
        }
        this.derivedRelations.add(lower(alias.getUnquotedName()));
        if (alias.getAliasColumns() != null) {
            alias.getAliasColumns().forEach((column) -> this.definedNames.add(lower(unquote(column.name))));
        }
    }

    static String lower(String name) {
        return (name != null) ? unquote(name).toLowerCase(Locale.ROOT) : null;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`')
                && name.charAt(name.length() - 1) == name.charAt(0)) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
