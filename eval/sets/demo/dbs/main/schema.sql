-- The ClearSky demo lake (core/src/main/resources/io/clearsky/core/lake/demo-lake.sql) with 3,000 orders,
-- so the paraphrase set loads in a second. Deterministic: every value derives from hash() of a row number.

CREATE TABLE regions (
    region_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL
);
INSERT INTO regions VALUES
    (1, 'US East', 'United States'), (2, 'US West', 'United States'), (3, 'Canada', 'Canada'),
    (4, 'UK & Ireland', 'United Kingdom'), (5, 'DACH', 'Germany'), (6, 'Nordics', 'Sweden'),
    (7, 'Southern Europe', 'Spain'), (8, 'APAC', 'Australia');
COMMENT ON TABLE regions IS 'Sales regions the company reports on';
COMMENT ON COLUMN regions.region_id IS 'Region identifier';
COMMENT ON COLUMN regions.name IS 'Region name as used in reports';
COMMENT ON COLUMN regions.country IS 'Country of the regional head office';

CREATE TABLE categories (
    category_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    department VARCHAR NOT NULL
);
INSERT INTO categories VALUES
    (1, 'Laptops', 'Electronics'), (2, 'Phones', 'Electronics'), (3, 'Audio', 'Electronics'),
    (4, 'Furniture', 'Home'), (5, 'Kitchen', 'Home'), (6, 'Lighting', 'Home'),
    (7, 'Running', 'Sports'), (8, 'Cycling', 'Sports'), (9, 'Books', 'Media'), (10, 'Games', 'Media');
COMMENT ON TABLE categories IS 'Product categories, grouped into departments';
COMMENT ON COLUMN categories.category_id IS 'Category identifier';
COMMENT ON COLUMN categories.name IS 'Category name';
COMMENT ON COLUMN categories.department IS 'Department the category belongs to';

CREATE TABLE products (
    product_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    category_id INTEGER NOT NULL REFERENCES categories (category_id),
    unit_price DECIMAL(10, 2) NOT NULL,
    unit_cost DECIMAL(10, 2) NOT NULL,
    launched_on DATE NOT NULL
);
INSERT INTO products
SELECT i,
       list_element(['Aurora', 'Summit', 'Nimbus', 'Vertex', 'Pulse', 'Harbor', 'Ember', 'Atlas', 'Lumen', 'Drift'], (hash(i, 'pn') % 10)::INTEGER + 1)
           || ' ' || list_element(['One', 'Pro', 'Max', 'Lite', 'Air', 'Plus', 'Mini', 'X'], (hash(i, 'ps') % 8)::INTEGER + 1)
           || ' ' || i,
       (hash(i, 'pc') % 10)::INTEGER + 1,
       round(5 + (hash(i, 'pp') % 150000) / 100.0, 2),
       round((5 + (hash(i, 'pp') % 150000) / 100.0) * (0.45 + (hash(i, 'pm') % 30) / 100.0), 2),
       DATE '2019-01-01' + (hash(i, 'pl') % 1800)::INTEGER
FROM range(1, 201) t(i);
COMMENT ON TABLE products IS 'Products the company sells';
COMMENT ON COLUMN products.product_id IS 'Product identifier';
COMMENT ON COLUMN products.name IS 'Product name';
COMMENT ON COLUMN products.category_id IS 'Category of the product (categories.category_id)';
COMMENT ON COLUMN products.unit_price IS 'List price per unit in US dollars';
COMMENT ON COLUMN products.unit_cost IS 'Cost per unit in US dollars';
COMMENT ON COLUMN products.launched_on IS 'Date the product was first sold';

CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions (region_id),
    segment VARCHAR NOT NULL,
    signup_date DATE NOT NULL
);
INSERT INTO customers
SELECT i,
       list_element(['Ava', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya'], (hash(i, 'cf') % 16)::INTEGER + 1)
           || ' ' || list_element(['Smith', 'Garcia', 'Chen', 'Muller', 'Rossi', 'Kowalski', 'Okafor', 'Tanaka', 'Larsen', 'Dubois', 'Silva', 'Novak'], (hash(i, 'cl') % 12)::INTEGER + 1),
       'customer' || i || '@example.com',
       (hash(i, 'cr') % 8)::INTEGER + 1,
       list_element(['Consumer', 'Consumer', 'Consumer', 'Small Business', 'Enterprise'], (hash(i, 'cs') % 5)::INTEGER + 1),
       DATE '2020-01-01' + (hash(i, 'cd') % 1400)::INTEGER
FROM range(1, 5001) t(i);
COMMENT ON TABLE customers IS 'Customers who have an account';
COMMENT ON COLUMN customers.customer_id IS 'Customer identifier';
COMMENT ON COLUMN customers.name IS 'Full name of the customer';
COMMENT ON COLUMN customers.email IS 'Contact e-mail address';
COMMENT ON COLUMN customers.region_id IS 'Home region of the customer (regions.region_id)';
COMMENT ON COLUMN customers.segment IS 'Customer segment: Consumer, Small Business or Enterprise';
COMMENT ON COLUMN customers.signup_date IS 'Date the customer opened the account';

CREATE TABLE employees (
    employee_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    region_id INTEGER NOT NULL REFERENCES regions (region_id),
    hire_date DATE NOT NULL
);
INSERT INTO employees
SELECT i,
       list_element(['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Quinn'], (hash(i, 'ef') % 8)::INTEGER + 1)
           || ' ' || list_element(['Brown', 'Lopez', 'Wang', 'Schmidt', 'Bianchi', 'Nowak', 'Adeyemi', 'Sato'], (hash(i, 'el') % 8)::INTEGER + 1),
       CASE WHEN i <= 8 THEN 'Regional Manager' ELSE 'Sales Representative' END,
       ((i - 1) % 8) + 1,
       DATE '2015-01-01' + (hash(i, 'eh') % 3000)::INTEGER
FROM range(1, 61) t(i);
COMMENT ON TABLE employees IS 'Sales staff; every order is handled by one employee';
COMMENT ON COLUMN employees.employee_id IS 'Employee identifier';
COMMENT ON COLUMN employees.name IS 'Full name of the employee';
COMMENT ON COLUMN employees.title IS 'Job title';
COMMENT ON COLUMN employees.region_id IS 'Region the employee sells in (regions.region_id)';
COMMENT ON COLUMN employees.hire_date IS 'Date the employee joined';

CREATE TABLE orders (
    order_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
    employee_id INTEGER NOT NULL REFERENCES employees (employee_id),
    order_date DATE NOT NULL,
    status VARCHAR NOT NULL,
    channel VARCHAR NOT NULL
);
INSERT INTO orders
SELECT i,
       (hash(i, 'oc') % 5000)::INTEGER + 1,
       (hash(i, 'oe') % 60)::INTEGER + 1,
       DATE '2023-01-01' + (hash(i, 'od') % 1065)::INTEGER,
       list_element(['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'shipped', 'processing', 'cancelled', 'returned'], (hash(i, 'os') % 10)::INTEGER + 1),
       list_element(['web', 'web', 'mobile', 'mobile', 'store', 'partner'], (hash(i, 'oh') % 6)::INTEGER + 1)
FROM range(1, 3000 + 1) t(i);
COMMENT ON TABLE orders IS 'Customer orders, one row per order';
COMMENT ON COLUMN orders.order_id IS 'Order identifier';
COMMENT ON COLUMN orders.customer_id IS 'Customer who placed the order (customers.customer_id)';
COMMENT ON COLUMN orders.employee_id IS 'Employee who handled the order (employees.employee_id)';
COMMENT ON COLUMN orders.order_date IS 'Date the order was placed';
COMMENT ON COLUMN orders.status IS 'Order status: processing, shipped, delivered, cancelled or returned';
COMMENT ON COLUMN orders.channel IS 'Sales channel: web, mobile, store or partner';

CREATE TABLE order_items (
    order_id INTEGER NOT NULL REFERENCES orders (order_id),
    line_number INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (product_id),
    quantity INTEGER NOT NULL,
    unit_price DECIMAL(10, 2) NOT NULL,
    discount DECIMAL(4, 2) NOT NULL,
    PRIMARY KEY (order_id, line_number)
);
INSERT INTO order_items
SELECT o.order_id,
       l.line_number,
       p.product_id,
       (hash(o.order_id, l.line_number, 'iq') % 5)::INTEGER + 1,
       p.unit_price,
       list_element([0.00, 0.00, 0.00, 0.05, 0.10, 0.15], (hash(o.order_id, l.line_number, 'id') % 6)::INTEGER + 1)
FROM orders o
CROSS JOIN range(1, 5) l(line_number)
JOIN products p ON p.product_id = (hash(o.order_id, l.line_number, 'ip') % 200)::INTEGER + 1
WHERE l.line_number <= (hash(o.order_id, 'in') % 4)::INTEGER + 1;
COMMENT ON TABLE order_items IS 'Order lines, one row per product in an order (the sales fact table)';
COMMENT ON COLUMN order_items.order_id IS 'Order the line belongs to (orders.order_id)';
COMMENT ON COLUMN order_items.line_number IS 'Line number within the order, from 1';
COMMENT ON COLUMN order_items.product_id IS 'Product sold (products.product_id)';
COMMENT ON COLUMN order_items.quantity IS 'Units sold';
COMMENT ON COLUMN order_items.unit_price IS 'Price per unit charged, in US dollars, before discount';
COMMENT ON COLUMN order_items.discount IS 'Discount as a fraction of the price, e.g. 0.10 for 10%';
