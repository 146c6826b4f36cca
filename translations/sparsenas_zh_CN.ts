<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>sparsenas::AblationPanel</name>
    <message>
        <location filename="../app/studio/ablationpanel.cpp" line="+129"/>
        <source>Optimizer / penalty pairs, one line each in the figure. Checked at first: the paper&apos;s six (the four optimizers with SGL, HAPG with Lasso and with Group Lasso).</source>
        <translation>优化器/惩罚项组合，每个在图中为一条线。默认勾选论文中的六种（四种优化器配 SGL，HAPG 配 Lasso 和 Group Lasso）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>log10(lambda) of the first point (the paper: -5)</source>
        <translation>第一个点的 log10(lambda)（论文：-5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log10(lambda) of the last point (the paper: -3.7)</source>
        <translation>最后一个点的 log10(lambda)（论文：-3.7）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambdas, evenly spaced in log10 (the paper: at least 8)</source>
        <translation>lambda 的个数，在 log10 上均匀分布（论文：至少 8 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+358"/>
        <source>log10(λ)</source>
        <translation>log10(λ)</translation>
    </message>
    <message>
        <location line="-349"/>
        <source>Runs per method and lambda; the figure shows their mean and the min-max band</source>
        <translation>每种方法和 lambda 的运行次数；图中显示其均值和最小-最大范围带</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training epochs of every run</source>
        <translation>每次运行的训练轮次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SGL&apos;s alpha: 1 is the Lasso, 0 the Group Lasso (Lasso and Group Lasso runs ignore it)</source>
        <translation>SGL 的 alpha：1 为 Lasso，0 为 Group Lasso（Lasso 和 Group Lasso 的运行忽略此值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HAPG momentum (Eq. 7-8)</source>
        <translation>HAPG 动量（式 7-8）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off by default: without a restart the momentum drives the small network back to chance after about 30 epochs (docs/ablation.md)</source>
        <translation>默认关闭：没有重启时，动量会在约 30 个轮次后使小网络退回到随机水平（docs/ablation.md）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where ablation.csv (rewritten after every run), fig3.svg and fig3.pdf go</source>
        <translation>ablation.csv（每次运行后重写）、fig3.svg 和 fig3.pdf 的存放位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every method x lambda x seed in the background</source>
        <translation>在后台运行所有 方法 × lambda × 种子 组合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after the current run; the table and the figure keep the runs that finished</source>
        <translation>在当前运行结束后停止；表格和图保留已完成的运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show an earlier ablation&apos;s folder</source>
        <translation>显示先前消融实验的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table as CSV, or the figure as SVG, PDF or PNG, as sparsenas ablation writes them</source>
        <translation>将表格导出为 CSV，或将图导出为 SVG、PDF 或 PNG，与 sparsenas ablation 写出的相同</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The panels fill in as the runs finish</source>
        <translation>各子图随运行完成逐步填充</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Check at least one method.</source>
        <translation>请至少勾选一种方法。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>log10(λ): the first point (%1) is above the last (%2).</source>
        <translation>log10(λ)：第一个点（%1）大于最后一个点（%2）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the folder.</source>
        <translation>请选择文件夹。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The ablation is running.</source>
        <translation>消融实验正在运行。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds an ablation already; starting replaces it.</source>
        <translation>%1 中已有消融实验；开始将替换它。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Replace the ablation?</source>
        <translation>替换消融实验？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 holds an ablation already. Run a new one there and replace its table and figure?</source>
        <translation>%1 中已有消融实验。要在此运行新的实验并替换其表格和图吗？</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The ablation is running; stop it before opening another.</source>
        <translation>消融实验正在运行；打开其他实验前请先停止。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>stand-alone validation accuracy</source>
        <translation>独立验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>selected input features</source>
        <translation>选中的输入特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remaining hidden neurons</source>
        <translation>剩余隐藏神经元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>element sparsity</source>
        <translation>元素稀疏度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>features (of %1)</source>
        <translation>特征（共 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neurons (of %1)</source>
        <translation>神经元（共 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zero weights (%)</source>
        <translation>零权重（%）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penalty</source>
        <translation>惩罚项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val. acc. %</source>
        <translation>验证准确率 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zeros %</source>
        <translation>零值 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 of %2 runs finished</source>
        <translation>已完成 %1 / %2 次运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished %1 runs; ablation.csv, fig3.svg and fig3.pdf are in %2.</source>
        <translation>已完成 %1 次运行；ablation.csv、fig3.svg 和 fig3.pdf 位于 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped after %1 of %2 runs; the table and the figure hold those.</source>
        <translation>在 %1 / %2 次运行后停止；表格和图包含这些运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs in %1: %2</source>
        <translation>%1 中的运行：%2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1: choose .csv, .svg, .pdf or .png</source>
        <translation>%1：请选择 .csv、.svg、.pdf 或 .png</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ablation folder</source>
        <translation>消融实验文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open ablation folder</source>
        <translation>打开消融实验文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export ablation</source>
        <translation>导出消融实验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure PDF (*.pdf);;Figure SVG (*.svg);;Figure PNG (*.png);;Table CSV (*.csv)</source>
        <translation>图 PDF (*.pdf);;图 SVG (*.svg);;图 PNG (*.png);;表格 CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>sparsenas::ArchWeightsView</name>
    <message>
        <location filename="../widgets/archweightsview.cpp" line="+39"/>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lock colour scale</source>
        <translation>锁定色标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the current colour scale when new weights arrive, so that colours stay comparable over time</source>
        <translation>新权重到来时保持当前色标，使颜色在不同时间之间可比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show values</source>
        <translation>显示数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write each architecture weight into its cell</source>
        <translation>在每个方格中标注其架构权重</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+102"/>
        <source>No run</source>
        <translation>无运行</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+55"/>
        <source>Normal cell</source>
        <translation>普通单元</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Reduction cell</source>
        <translation>缩减单元</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Recurrent cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Epoch %1 · step %2 · 1 op frozen (crossed out)</source>
        <translation>第 %1 周期 · 第 %2 步 · 已冻结 1 个操作（划叉）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Epoch %1 · step %2 · %3 ops frozen (crossed out)</source>
        <translation>第 %1 周期 · 第 %2 步 · 已冻结 %3 个操作（划叉）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 · step %2</source>
        <translation>第 %1 轮次 · 第 %2 步</translation>
    </message>
    <message>
        <location line="+116"/>
        <location line="+16"/>
        <source>Architecture weights</source>
        <translation>架构权重</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Cannot create the PDF &quot;%1&quot;.</source>
        <translation>无法创建 PDF 文件“%1”。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot create the SVG &quot;%1&quot;.</source>
        <translation>无法创建 SVG 文件“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot export the heatmap to &quot;%1&quot;: unsupported format &quot;%2&quot; (use .png, .pdf or .svg).</source>
        <translation>无法将热图导出到“%1”：不支持的格式“%2”（请使用 .png、.pdf 或 .svg）。</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellExporter</name>
    <message>
        <location filename="../app/studio/cellexporter.cpp" line="+62"/>
        <location line="+71"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>The cell does not fit the DARTS genotype format: %1</source>
        <translation>该单元不符合 DARTS 基因型格式：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The genotype has no pt.darts form: %1</source>
        <translation>该基因型没有 pt.darts 形式：%1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellGraphView</name>
    <message>
        <location filename="../widgets/cellgraphview.cpp" line="+32"/>
        <source>Normal cell</source>
        <translation>普通单元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reduction cell</source>
        <translation>缩减单元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recurrent cell</source>
        <translation>循环单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cell</source>
        <translation>%1 单元</translation>
    </message>
    <message>
        <location line="+376"/>
        <source>Show weights</source>
        <translation>显示权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show removed nodes faded</source>
        <translation>淡化显示已移除的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One edge per pair of nodes</source>
        <translation>每对节点一条边</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write each path&apos;s weight A on its edge; thicker pens for larger |A|.</source>
        <translation>在每条边上标注其路径的权重 A；|A| 越大，线条越粗。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also draw the nodes that derivation removed, and their non-zero paths, in grey.</source>
        <translation>同时以灰色绘制推导时移除的节点及其非零路径。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draw one edge for all operations between two nodes, labelled with the strongest ones, instead of one edge per operation.</source>
        <translation>两个节点之间的所有操作只画一条边，并标注最强的操作，而不是每个操作一条边。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show every path</source>
        <translation>显示所有路径</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw only the paths with |A| at least this large (the selected path is always drawn)</source>
        <translation>只绘制 |A| 不小于此值的路径（选中的路径总会绘制）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>|A| ≥</source>
        <translation>|A| ≥</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+367"/>
        <source>Pop out</source>
        <translation>弹出</translation>
    </message>
    <message>
        <location line="-366"/>
        <source>Show the cells in a window of their own, or back in the dock</source>
        <translation>在单独的窗口中显示单元，或放回停靠区</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Waiting for the first derivation…</source>
        <translation>正在等待首次推导…</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Graphviz could not draw the cell:
%1</source>
        <translation>Graphviz 无法绘制该单元：
%1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 hidden (|A| &lt; %2)</source>
        <translation>已隐藏 %1 条（|A| &lt; %2）</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Paths weaker than the threshold are not drawn; &quot;show all&quot; draws every path, one edge each</source>
        <translation>低于阈值的路径不绘制；“全部显示”将每条路径各画为一条边</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>collapsed: no node survives</source>
        <translation>已坍缩：没有节点存活</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 nodes, 1 path</source>
        <translation>%1/%2 个节点，1 条路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 nodes, %3 paths</source>
        <translation>%1/%2 个节点，%3 条路径</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 more non-zero path was removed with its dead node</source>
        <translation>另有 1 条非零路径随其失效节点一并被移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 more non-zero paths were removed with their dead nodes</source>
        <translation>另有 %1 条非零路径随其失效节点一并被移除</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Dock</source>
        <translation>停靠</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not write %1: no cell has been drawn yet.</source>
        <translation>无法写入 %1：尚未绘制任何单元。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>sparsenas::CellHeatmap</name>
    <message>
        <location filename="../widgets/cellheatmap.cpp" line="+289"/>
        <location line="+282"/>
        <source>= 0</source>
        <translation>= 0</translation>
    </message>
    <message>
        <location line="-281"/>
        <location line="+286"/>
        <source>A, fixed</source>
        <translation>A，固定</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>%1 · %2: exactly 0 (pruned)</source>
        <translation>%1 · %2：恰好为 0（已剪枝）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2: A = %3</source>
        <translation>%1 · %2：A = %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frozen: it stayed exactly 0 long enough (search.freeze_zero_epochs) and is no longer computed</source>
        <translation>已冻结：它保持精确为 0 的时间已足够长（search.freeze_zero_epochs），不再计算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;none&quot; is never a path</source>
        <translation>“none”永远不是路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>node %1 was removed by derivation</source>
        <translation>节点 %1 在推导时被移除</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No architecture weights yet</source>
        <translation>尚无架构权重</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>A</source>
        <translation>A</translation>
    </message>
</context>
<context>
    <name>sparsenas::CliJob</name>
    <message>
        <location filename="../app/studio/clijob.cpp" line="+29"/>
        <source>SPARSENAS_CLI is %1, which is not an executable program.</source>
        <translation>SPARSENAS_CLI 为 %1，这不是可执行程序。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The sparsenas command was not found next to the studio (%1) nor on PATH; install it with the studio, or set SPARSENAS_CLI to its path.</source>
        <translation>在 Studio 所在目录（%1）和 PATH 中都未找到 sparsenas 命令；请随 Studio 一起安装，或将 SPARSENAS_CLI 设为其路径。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A command is still running: %1</source>
        <translation>仍有命令在运行：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 ended abnormally (crashed or killed).</source>
        <translation>%1 异常结束（崩溃或被终止）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 exited with code %2: %3</source>
        <translation>%1 以代码 %2 退出：%3</translation>
    </message>
</context>
<context>
    <name>sparsenas::ComparisonView</name>
    <message>
        <location filename="../widgets/comparisonview.cpp" line="+39"/>
        <source>Genotype</source>
        <translation>基因型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Params (M)</source>
        <translation>参数量 (M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mult-adds (M)</source>
        <translation>乘加 (M)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test acc. (%)</source>
        <translation>测试准确率 (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test ppl</source>
        <translation>测试困惑度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seeds</source>
        <translation>种子数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C × cells of an image network; the hidden size of a language model</source>
        <translation>图像网络的 C × 单元数；语言模型的隐藏层大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes kept per cell: normal/reduce, or the recurrent cell&apos;s</source>
        <translation>每个单元保留的节点：normal/reduce，或循环单元的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paths kept per cell: normal/reduce, or the recurrent cell&apos;s</source>
        <translation>每个单元保留的路径：normal/reduce，或循环单元的路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters (without an auxiliary head)</source>
        <translation>参数（不含辅助头）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiply-adds per image, or per word of a language model</source>
        <translation>每张图像的乘加次数，语言模型为每个词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test accuracy of an image network</source>
        <translation>图像网络的测试准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test perplexity of a language model (a recurrent cell)</source>
        <translation>语言模型（循环单元）的测试困惑度</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the evaluations in the runs folder again</source>
        <translation>重新读取运行文件夹中的评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the table as CSV, Markdown or a LaTeX tabular</source>
        <translation>将表格保存为 CSV、Markdown 或 LaTeX tabular</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cannot read the evaluations: %1</source>
        <translation>无法读取评估：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wall time of the search that produced the genotype</source>
        <translation>产生该基因型的搜索所用的实际时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The genotype did not come from a search on this disk</source>
        <translation>该基因型并非来自此磁盘上的搜索</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n of these runs stopped before their last epoch</source>
        <translation>
            <numerusform>其中 %n 个运行在最后一个周期之前停止</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exp of the test loss per word; next-word accuracy %1 %</source>
        <translation>每词测试损失的指数；下一词准确率 %1 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No runs folder</source>
        <translation>没有运行文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No evaluation in %1 yet: evaluate a finished search (Run ▸ Evaluate derived architecture) or run `sparsenas evaluate`.</source>
        <translation>%1 中还没有评估：评估一个已完成的搜索（运行 ▸ 评估导出的架构）或运行 `sparsenas evaluate`。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n genotype(s) evaluated in %1</source>
        <translation>
            <numerusform>%1 中已评估 %n 个基因型</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot tell the format of %1: use .csv, .md or .tex</source>
        <translation>无法判断 %1 的格式：请使用 .csv、.md 或 .tex</translation>
    </message>
</context>
<context>
    <name>sparsenas::ConfigForm</name>
    <message>
        <location filename="../widgets/configform.cpp" line="+123"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load a shipped configuration; edits below start from it</source>
        <translation>加载内置配置；下方的修改以其为基础</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the run, written into its config.json</source>
        <translation>运行名称，写入其 config.json</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>digits and devils-dictionary (a text, for the recurrent space) are embedded in the program; the others are read from a folder</source>
        <translation>digits 和 devils-dictionary（循环空间用的文本）内置于程序中；其他数据集从文件夹读取</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>default location</source>
        <translation>默认位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of the data files; empty: the embedded digits or /usr/share/datasets/fashion-mnist</source>
        <translation>数据文件所在的文件夹；留空：使用内置的 digits 或 /usr/share/datasets/fashion-mnist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image limit</source>
        <translation>图像上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use only the first N training images (0: all)</source>
        <translation>仅使用前 N 张训练图像（0：全部）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>搜索空间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cnn: DARTS&apos;s convolutional cell on images; rnn: its recurrent cell on a text corpus (a language model)</source>
        <translation>cnn：DARTS 在图像上的卷积单元；rnn：其在文本语料上的循环单元（语言模型）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Channels C</source>
        <translation>通道数 C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial channels of the supernet</source>
        <translation>超网的初始通道数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked cells; reduction cells at 1/3 and 2/3</source>
        <translation>堆叠的单元数；缩减单元位于 1/3 和 2/3 处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes per cell</source>
        <translation>每单元节点数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate nodes N of each cell</source>
        <translation>每个单元的中间节点数 N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candidate operations on every edge</source>
        <translation>每条边上的候选操作</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language model (recurrent space)</source>
        <translation>语言模型（循环空间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden size</source>
        <translation>隐藏维度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embedding and hidden size alike (the decoder shares the embedding&apos;s weights)</source>
        <translation>嵌入维度与隐藏维度相同（解码器共享嵌入权重）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps per batch</source>
        <translation>每批时间步数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time steps of truncated backpropagation (bptt)</source>
        <translation>截断反向传播的时间步数（bptt）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output dropout</source>
        <translation>输出 dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the cell&apos;s outputs, before the decoder</source>
        <translation>作用于单元输出，在解码器之前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State dropout</source>
        <translation>状态 dropout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On every state a node reads (DARTS&apos;s dropouth)</source>
        <translation>作用于节点读取的每个状态（DARTS 的 dropouth）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input dropout</source>
        <translation>输入 dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On x_t into the first state (dropoutx)</source>
        <translation>作用于进入第一个状态的 x_t（dropoutx）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding dropout</source>
        <translation>嵌入 dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the embeddings (dropouti)</source>
        <translation>作用于嵌入（dropouti）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word dropout</source>
        <translation>词 dropout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole words of the embedding matrix (dropoute)</source>
        <translation>嵌入矩阵的整个词（dropoute）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AR</source>
        <translation>AR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation regularisation: alpha * mean(output^2)</source>
        <translation>激活正则化：alpha * mean(输出^2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TAR</source>
        <translation>TAR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporal activation regularisation: beta * mean((h_t - h_{t-1})^2)</source>
        <translation>时间激活正则化：beta * mean((h_t - h_{t-1})^2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture weights (sparse)</source>
        <translation>架构权重（稀疏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAPG and AdamHAPG give exact zeros; SGD and Adam use the penalty&apos;s subgradient (the ablation&apos;s baselines)</source>
        <translation>HAPG 和 AdamHAPG 产生精确的零；SGD 和 Adam 使用惩罚项的次梯度（消融实验的基线）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penalty</source>
        <translation>惩罚项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparse Group Lasso, Lasso (alpha = 1) or Group Lasso (alpha = 0)</source>
        <translation>稀疏组 Lasso、Lasso（alpha = 1）或组 Lasso（alpha = 0）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the L1 term in the SGL penalty, in [0, 1]</source>
        <translation>L1 项在 SGL 惩罚项中的占比，取值范围 [0, 1]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda start</source>
        <translation>Lambda 初始值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty strength in the first epoch</source>
        <translation>第一个轮次的惩罚强度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda step</source>
        <translation>Lambda 步长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to lambda at every new epoch</source>
        <translation>每个新轮次加到 lambda 上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda cap</source>
        <translation>Lambda 上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lambda never grows past this</source>
        <translation>lambda 不会超过此值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Step size of the architecture optimizer</source>
        <translation>架构优化器的步长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network weights</source>
        <translation>网络权重</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SGD learning rate, cosine-annealed to the minimum</source>
        <translation>SGD 学习率，按余弦退火降至最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate at the last epoch</source>
        <translation>最后一个轮次的学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search epochs</source>
        <translation>搜索轮次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per step, for each split</source>
        <translation>每步的图像数（每个划分各自计算）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>阶数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First order, or second order by finite differences (paper Eq. 13)</source>
        <translation>一阶，或通过有限差分近似的二阶（论文式 13）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seeds the split, the batches and the weights</source>
        <translation>用于数据划分、批次和权重的随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cuda needs a LibTorch built with CUDA</source>
        <translation>cuda 需要启用 CUDA 构建的 LibTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU threads (0: all cores)</source>
        <translation>CPU 线程数（0：全部核心）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze dead ops after</source>
        <translation>冻结死操作的周期数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs an operation&apos;s weight must stay exactly zero before it is frozen: never computed again, its weight pinned at zero. 0 never freezes. Faster, but not the paper&apos;s algorithm (docs/method.md)</source>
        <translation>操作的权重须保持精确为零多少个周期才被冻结：此后不再计算，其权重固定为零。0 表示从不冻结。更快，但不是论文的算法（docs/method.md）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>This LibTorch has no CUDA device; the search runs on the CPU</source>
        <translation>此 LibTorch 没有 CUDA 设备；搜索将在 CPU 上运行</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Configuration is valid.</source>
        <translation>配置有效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 problem:</source>
        <translation>1 个问题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems:</source>
        <translation>%1 个问题：</translation>
    </message>
</context>
<context>
    <name>sparsenas::CurvesView</name>
    <message>
        <location filename="../widgets/curvesview.cpp" line="+73"/>
        <location line="+35"/>
        <location line="+362"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-397"/>
        <location line="+397"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>penalty λ</source>
        <translation>惩罚强度 λ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+4"/>
        <source>train batch</source>
        <translation>训练批次</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>validation batch</source>
        <translation>验证批次</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>train (EMA)</source>
        <translation>训练（EMA）</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+4"/>
        <source>validation (EMA)</source>
        <translation>验证（EMA）</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>train epoch</source>
        <translation>训练轮次</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+4"/>
        <location line="+84"/>
        <source>full validation</source>
        <translation>完整验证</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>validation set</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>λ = %1</source>
        <translation>λ = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>λ step = %1</source>
        <translation>λ 步长 = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>sparsenas::EngineMessages</name>
    <message>
        <location filename="../widgets/enginemessages.cpp" line="+36"/>
        <source>paused at step %1</source>
        <translation>在第 %1 步暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checkpoint written at step %1</source>
        <translation>已在第 %1 步写入检查点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back to the checkpoint at step %1; paused</source>
        <translation>已回滚到第 %1 步的检查点；已暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rollback failed: %1</source>
        <translation>回滚失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda set to arch.lambda_start = %1</source>
        <translation>lambda 已设为 arch.lambda_start = %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lambda set to %1</source>
        <translation>lambda 已设为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alpha set to %1</source>
        <translation>alpha 已设为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda step set to %1</source>
        <translation>lambda 步长已设为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished after 1 epoch</source>
        <translation>1 轮后完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished after %1 epochs</source>
        <translation>%1 轮后完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped in epoch %1 at step %2; resume with `%3`</source>
        <translation>在第 %1 轮第 %2 步停止；可用 `%3` 恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stopped, but the checkpoint could not be written: %1</source>
        <translation>已停止，但无法写入检查点：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>continued from %1 (epoch %2 of %3, step %4)</source>
        <translation>从 %1 继续（第 %2 轮，共 %3 轮，第 %4 步）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forked from %1</source>
        <translation>从 %1 分叉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not draw %1: %2</source>
        <translation>无法绘制 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not write the results: %1</source>
        <translation>无法写入结果：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no genotype_darts.txt: the cell does not fit DARTS&apos;s format (%1); genotype_ptdarts.txt and genotype.json hold it</source>
        <translation>未生成 genotype_darts.txt：该单元不符合 DARTS 格式（%1）；genotype_ptdarts.txt 和 genotype.json 中包含该单元</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no genotype_darts.txt: the cell does not fit DARTS&apos;s recurrent format (%1); genotype.json holds it</source>
        <translation>没有 genotype_darts.txt：该单元不符合 DARTS 的循环格式（%1）；genotype.json 保存了它</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recurrent cell: node %1 has %2 path(s) in, where DARTS&apos;s recurrent format needs exactly 1</source>
        <translation>循环单元：节点 %1 有 %2 条输入路径，而 DARTS 的循环格式要求恰好 1 条</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rank %1 of %2 (%3), shards %4-%5 of %6 of every batch</source>
        <translation>第 %1 个进程（共 %2 个，%3），每个批次的第 %4-%5 份（共 %6 份）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every batch in %1 shards (search.batch_shards)</source>
        <translation>每个批次分为 %1 份（search.batch_shards）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>recurrent search on %1 (%2 training / %3 validation tokens, vocabulary %4), nodes: %5, hidden size %6, bptt %7, operations: %8, %9 + %10, %11 order, %12, threads: %13</source>
        <translation>在 %1 上进行循环搜索（%2 个训练 / %3 个验证词元，词表 %4），节点：%5，隐藏层大小 %6，bptt %7，操作：%8，%9 + %10，%11 阶，%12，线程：%13</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>evaluation of %1 (recurrent cell, nodes: %2, paths: %3) on %4 (%5 training / %6 validation / %7 test tokens, vocabulary %8), hidden size %9, bptt %10, %11 M parameters, %12 M multiply-adds per word, %13, threads: %14</source>
        <translation>评估 %1（循环单元，节点：%2，路径：%3），数据 %4（%5 个训练 / %6 个验证 / %7 个测试词元，词表 %8），隐藏层大小 %9，bptt %10，%11 M 参数，每词 %12 M 次乘加，%13，线程：%14</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NT-ASGD: validation perplexity %1 is worse than %2, the best before the last %3 epochs; from epoch %4 on the weights are averaged (evaluation.asgd_nonmono)</source>
        <translation>NT-ASGD：验证困惑度 %1 差于 %2（最近 %3 轮之前的最佳值）；从第 %4 轮起对权重取平均（evaluation.asgd_nonmono）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>test perplexity %1 (columns: %2) with the averaged weights of epoch %3 (validation perplexity %4)</source>
        <translation>测试困惑度 %1（列数：%2），使用第 %3 轮的平均权重（验证困惑度 %4）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>test perplexity %1 (columns: %2) with the weights of epoch %3 (validation perplexity %4)</source>
        <translation>测试困惑度 %1（列数：%2），使用第 %3 轮的权重（验证困惑度 %4）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>test perplexity %1 (columns: %2) with the weights of the last step (no epoch finished)</source>
        <translation>测试困惑度 %1（列数：%2），使用最后一步的权重（没有完成任何一轮）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>search on %1 (%2 training / %3 validation images, %4, %5 classes), cells: %6, nodes per cell: %7, C=%8, operations: %9, %10 + %11, %12 order, %13, threads: %14</source>
        <translation>在 %1 上搜索（%2 张训练图像 / %3 张验证图像，%4，%5 个类别），单元数：%6，每单元节点数：%7，C=%8，操作数：%9，%10 + %11，阶数：%12，%13，线程数：%14</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>froze the operations whose architecture weight stayed exactly zero (search.freeze_zero_epochs = %2), %1 in all: never computed again, weights pinned at zero</source>
        <translation>已冻结架构权重一直恰好为零的操作（search.freeze_zero_epochs = %2），共 %1 个：不再计算，权重固定为零</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no genotype_ptdarts.txt either: %1</source>
        <translation>也未生成 genotype_ptdarts.txt：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cell: collapsed, no node survives</source>
        <translation>%1单元：已坍缩，没有节点存活</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cell: node %2 has %3 path(s) in, where DARTS&apos;s format needs exactly 2</source>
        <translation>%1单元：节点 %2 有 %3 条输入路径，而 DARTS 格式要求恰好 2 条</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 in epoch %2 at step %3. %4</source>
        <translation>%1（第 %2 轮第 %3 步）。%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the training loss became NaN or infinite</source>
        <translation>训练损失变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the validation loss became NaN or infinite</source>
        <translation>验证损失变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the test loss became NaN or infinite</source>
        <translation>测试损失变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a gradient of the network weights became NaN or infinite</source>
        <translation>网络权重的梯度变为 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the training loss jumped to %1, more than %2 times its recent median (search.divergence_factor)</source>
        <translation>训练损失跃升至 %1，超过其近期中位数的 %2 倍（search.divergence_factor）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the architecture weights of the %1 cell exploded (largest |A| %2, arch.max_weight %3)</source>
        <translation>%1单元的架构权重爆炸（最大 |A| %2，arch.max_weight %3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the %1 cell collapsed: every architecture weight is exactly zero (lambda %2, alpha %3), so it can never come back and the network no longer depends on its input</source>
        <translation>%1单元已坍缩：所有架构权重都恰好为零（lambda %2，alpha %3），因此它再也无法恢复，网络不再依赖其输入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the %1 and %2 cells collapsed: every architecture weight is exactly zero (lambda %3, alpha %4), so it can never come back and the network no longer depends on its input</source>
        <translation>%1单元和%2单元已坍缩：所有架构权重都恰好为零（lambda %3，alpha %4），因此它们再也无法恢复，网络不再依赖其输入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run continues (search.on_collapse is &quot;continue&quot;).</source>
        <translation>运行继续（search.on_collapse 为 &quot;continue&quot;）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The run stops here; nothing after the last checkpoint was kept. Resume with a lower lambda or lambda step (sparsenas resume --set), or fork from an earlier checkpoint.</source>
        <translation>运行在此停止；最后一个检查点之后的内容均未保留。请用更小的 lambda 或 lambda 步长恢复（sparsenas resume --set），或从更早的检查点分叉。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused: roll back to the last checkpoint and lower lambda, or resume as it is.</source>
        <translation>已暂停：回滚到最后一个检查点并降低 lambda，或按原样继续。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The search diverged; nothing after the last checkpoint was kept. Lower the learning rates or lambda and resume or fork from it.</source>
        <translation>搜索已发散；最后一个检查点之后的内容均未保留。请降低学习率或 lambda，然后从该检查点恢复或分叉。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reloading the last checkpoint failed: %1</source>
        <translation>重新加载最后一个检查点失败：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The search diverged. Rolled back to the last checkpoint (step %1) and paused: change lambda, alpha or the lambda step, then resume.</source>
        <translation>搜索已发散。已回滚到最后一个检查点（第 %1 步）并暂停：请修改 lambda、alpha 或 lambda 步长，然后继续。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, C=%6, %7 M parameters (+%8 M in the auxiliary head), %9 M multiply-adds per image, %10, threads: %11</source>
        <translation>在 %2 上评估 %1（%3 张训练图像 / %4 张测试图像），单元数：%5，C=%6，%7 M 参数（辅助头另有 %8 M），每张图像 %9 M 次乘加，%10，线程数：%11</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>evaluation of %1 on %2 (%3 training / %4 test images), cells: %5, C=%6, %7 M parameters, %8 M multiply-adds per image, %9, threads: %10</source>
        <translation>在 %2 上评估 %1（%3 张训练图像 / %4 张测试图像），单元数：%5，C=%6，%7 M 参数，每张图像 %8 M 次乘加，%9，线程数：%10</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the %1 cell of this genotype collapsed (no node survives): in the network it passes c_{k-1} on (halved in a reduction cell), see docs/method.md</source>
        <translation>该基因型的%1单元已坍缩（没有节点存活）：在网络中它直接传递 c_{k-1}（在缩减单元中减半），参见 docs/method.md</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reduction</source>
        <translation>缩减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recurrent</source>
        <translation>循环</translation>
    </message>
</context>
<context>
    <name>sparsenas::ExperimentsWindow</name>
    <message>
        <location filename="../app/studio/experimentswindow.cpp" line="+17"/>
        <source>Sweeps and ablation — SparseNAS Studio</source>
        <translation>参数扫描与消融实验 — SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+29"/>
        <source>Supernet sweep</source>
        <translation>超网络参数扫描</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+30"/>
        <source>Optimizer ablation (Fig. 3)</source>
        <translation>优化器消融实验（图 3）</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Searches over a grid of config fields (paper Table 4, Fig. 4)</source>
        <translation>在配置字段网格上的搜索（论文表 4、图 4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD, Adam, HAPG and AdamHAPG with Lasso, Group Lasso and SGL on a small network (paper Fig. 3)</source>
        <translation>SGD、Adam、HAPG 和 AdamHAPG 配合 Lasso、Group Lasso 和 SGL 在小网络上的对比（论文图 3）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Supernet sweep (running)</source>
        <translation>超网络参数扫描（运行中）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimizer ablation (running)</source>
        <translation>优化器消融实验（运行中）</translation>
    </message>
</context>
<context>
    <name>sparsenas::ExportDialog</name>
    <message>
        <location filename="../widgets/exportdialog.cpp" line="+91"/>
        <source>Show weights</source>
        <translation>显示权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show operation labels</source>
        <translation>显示操作标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour edges by operation</source>
        <translation>按操作为边着色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Horizontal layout (left to right)</source>
        <translation>水平布局（从左到右）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show removed nodes faded</source>
        <translation>淡化显示已移除的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawing</source>
        <translation>绘图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Cell for Paper</source>
        <translation>导出论文用单元图</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fill of the intermediate nodes</source>
        <translation>中间节点的填充色</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight decimals:</source>
        <translation>权重小数位数：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Input fill:</source>
        <translation>输入填充色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node fill:</source>
        <translation>节点填充色：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output fill:</source>
        <translation>输出填充色：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All cells in one drawing</source>
        <translation>所有单元绘于同一图中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG (vector drawing)</source>
        <translation>SVG（矢量图）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (vector drawing)</source>
        <translation>PDF（矢量图）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (bitmap)</source>
        <translation>PNG（位图）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Graphviz DOT source</source>
        <translation>Graphviz DOT 源文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genotype JSON</source>
        <translation>基因型 JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DARTS genotype text</source>
        <translation>DARTS 基因型文本</translation>
    </message>
    <message>
        <location line="+39"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cells:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG resolution:</source>
        <translation>PNG 分辨率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drawing the preview…</source>
        <translation>正在绘制预览…</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Monochrome (for print)</source>
        <translation>单色（用于打印）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legend of the operations</source>
        <translation>操作图例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compact: one edge per pair of nodes</source>
        <translation>紧凑：每对节点一条边</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Fill of the cell inputs %1, %2</source>
        <translation>单元输入 %1、%2 的填充色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill of the cell output %1</source>
        <translation>单元输出 %1 的填充色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black and greys only: the operations are told apart by line style (dotted pools, dashed skip connections, solid convolutions) and by their labels.</source>
        <translation>仅用黑色和灰色：各操作通过线型（点线为池化、虚线为跳跃连接、实线为卷积）和标签区分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+405"/>
        <source>A box beside the cell that names the operation of each colour (or line style in monochrome), for the operations drawn.</source>
        <translation>单元旁的图例框，为所绘制的操作说明每种颜色（单色时为线型）对应的操作。</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>Draw one edge for all operations between two nodes and list them, strongest first, in its label: readable for cells with many paths.</source>
        <translation>两个节点之间的所有操作只画一条边，并在标签中按强弱依次列出：路径很多的单元也清晰可读。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>pt.darts genotype text</source>
        <translation>pt.darts 基因型文本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Genotype(normal=[(&apos;sep_conv_3x3&apos;, 0), ...], ...): two paths per node, as DARTS (quark0/darts) reads it</source>
        <translation>Genotype(normal=[(&apos;sep_conv_3x3&apos;, 0), ...], ...)：每个节点两条路径，即 DARTS（quark0/darts）读取的格式</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Genotype(normal=[[(&apos;sep_conv_3x3&apos;, 0), ...], ...], ...): a list per node, any number of paths, as pt.darts (genotypes.from_str) reads it</source>
        <translation>Genotype(normal=[[(&apos;sep_conv_3x3&apos;, 0), ...], ...], ...)：每个节点一个列表，路径数不限，即 pt.darts（genotypes.from_str）读取的格式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pt.darts text takes any number of paths per node.</source>
        <translation>pt.darts 文本允许每个节点有任意多条路径。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Write the chosen formats; the dialog stays open for more</source>
        <translation>写出所选格式；对话框保持打开，可继续导出</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>DARTS genotype text is not available: %1.</source>
        <translation>DARTS 基因型文本不可用：%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pt.darts genotype text is not available: %1.</source>
        <translation>pt.darts 基因型文本不可用：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown format &quot;%1&quot;.</source>
        <translation>未知格式“%1”。</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>Also draw the nodes that derivation removed, faded</source>
        <translation>同时淡化绘制推导时移除的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for a single cell whose supernet weights are known</source>
        <translation>仅适用于已知超网权重的单个单元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every edge has one colour: there is nothing for a legend to tell apart.</source>
        <translation>所有边颜色相同：图例无可区分之处。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>1 weight is smaller than %1 in magnitude: it is written as %2, in scientific notation, so that no kept path reads as 0. With %3 decimals every weight is written in fixed notation.</source>
        <translation>有 1 个权重的绝对值小于 %1：它以科学计数法写为 %2，以免保留的路径显示为 0。使用 %3 位小数时，所有权重均以定点格式写出。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 weights are smaller than %2 in magnitude: they are written in scientific notation (the smallest as %3), so that no kept path reads as 0. With %4 decimals every weight is written in fixed notation.</source>
        <translation>有 %1 个权重的绝对值小于 %2：它们以科学计数法写出（最小的为 %3），以免保留的路径显示为 0。使用 %4 位小数时，所有权重均以定点格式写出。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Graphviz could not draw the cell:
%1</source>
        <translation>Graphviz 无法绘制该单元：
%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 是文件夹；请选择文件名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The genotype has no cell to export.</source>
        <translation>该基因型中没有可导出的单元。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ends in .%2, but that format is not chosen.</source>
        <translation>%1 以 .%2 结尾，但未选择该格式。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writes %1</source>
        <translation>将写入 %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Cell</source>
        <translation>导出单元</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabHelpDialog</name>
    <message>
        <location filename="../widgets/labhelp.cpp" line="+36"/>
        <location line="+15"/>
        <source>Sparsity explained</source>
        <translation>稀疏性解释</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The search makes the architecture weights A sparse: a weight that is exactly zero removes its operation from the cell. These are the equations of the paper that the teaching lab shows, computed by the same functions the search runs.</source>
        <translation>搜索使架构权重 A 变得稀疏：恰好为零的权重会将其操作从单元中移除。以下是教学实验室所展示的论文公式，由搜索所用的同一组函数计算。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The penalty and what α trades</source>
        <translation>惩罚项与 α 的权衡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>λ sets how strong the penalty is. α shares it between the two parts. The first part (Lasso, α = 1) acts on each weight alone and removes single paths. The second part (Group Lasso, α = 0) acts on whole groups, here all the weights into one node, and removes a group at once or keeps all of it. In between, the Sparse Group Lasso removes whole nodes and, inside the nodes that stay, single paths. The factor √|g| makes large groups pay for their size.</source>
        <translation>λ 决定惩罚的强度。α 在两部分之间分配惩罚。第一部分（Lasso，α = 1）单独作用于每个权重，移除单条路径。第二部分（组 Lasso，α = 0）作用于整个组（这里是进入一个节点的所有权重），要么一次移除整个组，要么将其全部保留。介于两者之间时，稀疏组 Lasso 会移除整个节点，并在保留的节点内移除单条路径。因子 √|g| 让大的组为其规模付出代价。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In the lab&apos;s 2-D picture, one group of two weights, the unit ball of Ω is α‖x‖₁ + (1 − α)√2‖x‖₂ = 1: the Lasso&apos;s diamond at α = 1, the Group Lasso&apos;s circle of radius 1/√2 at α = 0, and a rounded diamond in between. Its corners on the axes are why single weights become zero.</source>
        <translation>在实验室的二维图中（一个由两个权重组成的组），Ω 的单位球为 α‖x‖₁ + (1 − α)√2‖x‖₂ = 1：α = 1 时为 Lasso 的菱形，α = 0 时为组 Lasso 半径 1/√2 的圆，介于两者之间时为圆角菱形。它在坐标轴上的角点正是单个权重变为零的原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One proximal step</source>
        <translation>一次近端步</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>η is the step size and (t)₊ = max(t, 0). Soft-thresholding (Eq. 9) moves every weight towards zero by η λ α and sets it to exactly zero if it was closer than that. Group shrinkage (Eq. 10) shortens each group by η λ (1 − α) √|g| and sets the whole group to zero if it was shorter. Their composition (Eq. 5) is the exact proximal operator of the SGL penalty.</source>
        <translation>η 为步长，(t)₊ = max(t, 0)。软阈值（式 9）将每个权重向零移动 η λ α，若其离零更近则恰好置为零。组收缩（式 10）将每个组缩短 η λ (1 − α) √|g|，若组更短则将整个组置为零。二者的复合（式 5）正是 SGL 惩罚的精确近端算子。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why exact zeros appear with proximal steps and not with SGD</source>
        <translation>为什么近端步会产生精确零而 SGD 不会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proximal operator maps a whole interval, |zᵢ| ≤ η λ α, to exactly 0, and a whole ball of groups to the zero group: the shaded regions of the 2-D picture. A gradient step that lands anywhere in them gives an exact zero, and the next steps keep it there as long as the gradient stays smaller than the threshold.</source>
        <translation>近端算子把整个区间 |zᵢ| ≤ η λ α 映射为恰好 0，并把一整个球内的组映射为零组：即二维图中的阴影区域。落在其中任何位置的梯度步都会得到精确零，只要梯度仍小于阈值，后续的步就会让它保持为零。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SGD and Adam instead add a subgradient of the penalty, λ α sgn(A) plus the group part, to the loss gradient. Near zero that term pushes a weight across zero and back: it oscillates around zero with an amplitude of about the step times λ and, in floating point, practically never lands on 0.0. Its weights become small, never removed, and a threshold chosen afterwards would decide what is removed.</source>
        <translation>而 SGD 和 Adam 是把惩罚的次梯度（λ α sgn(A) 加上组部分）加到损失梯度上。在零附近，这一项会把权重推过零再推回来：它以约为步长乘以 λ 的幅度在零附近振荡，在浮点运算中几乎从不恰好落在 0.0 上。其权重会变小，但从不被移除，只有事后选定的阈值才会决定移除什么。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dead nodes</source>
        <translation>死节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A node of the cell is dead when every weight into it is exactly zero: its whole group was removed. It receives nothing, so its output is zero and the paths that leave it carry nothing either. The derived cell drops it, and the search no longer needs to compute it.</source>
        <translation>当进入单元某节点的所有权重都恰好为零时（即其整个组被移除），该节点为死节点。它接收不到任何输入，因此输出为零，从它出发的路径也不携带任何信息。导出的单元会去掉它，搜索也不再需要计算它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why a removed node may come back under AdamHAPG</source>
        <translation>为什么在 AdamHAPG 下被移除的节点可能恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A zero stays zero only while the gradient step cannot leave the zero region. Under HAPG that means |∇L| ≤ λ α for each weight: the comparison is with the current gradient. AdamHAPG takes the step z = A − ηᵢ m̂ᵢ with a step size ηᵢ = lr / (√v̂ᵢ + ε) per weight, and the group part uses the median of ηᵢ over the group. The step follows the running average m̂ of past gradients and the sizes change from step to step, so when the rest of the cell changes and the node becomes useful again, its gradient grows, the step lands outside the zero region and the node returns. The momentum of Eq. 7-8 can carry a weight out of zero as well.</source>
        <translation>只有当梯度步无法离开零区域时，零才会保持为零。在 HAPG 下，这意味着每个权重满足 |∇L| ≤ λ α：比较的是当前梯度。AdamHAPG 的步为 z = A − ηᵢ m̂ᵢ，每个权重的步长为 ηᵢ = lr / (√v̂ᵢ + ε)，组部分使用组内 ηᵢ 的中位数。该步跟随过去梯度的滑动平均 m̂，且步长逐步变化：当单元的其余部分发生变化、该节点重新变得有用时，其梯度增大，步落在零区域之外，节点便会恢复。式 7-8 的动量也可能把权重带离零。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What the lab shows</source>
        <translation>实验室展示的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss + penalty: the objective the optimizers minimise, at the point each reports (the sparse iterate for HAPG, AdamHAPG and ISTA). Exact zeros: coefficients equal to 0.0, counted without any threshold. ISTA is HAPG without the momentum of Eq. 7-8. λ_max: the smallest λ at which all coefficients are zero. The regularization path solves the problem for each λ from λ_max down; a circle marks where a coefficient enters.</source>
        <translation>损失 + 惩罚：优化器最小化的目标，在各自报告的点上取值（HAPG、AdamHAPG 和 ISTA 为稀疏迭代点）。精确零：等于 0.0 的系数，不使用任何阈值计数。ISTA 即不带式 7-8 动量的 HAPG。λ_max：所有系数都为零的最小 λ。正则化路径从 λ_max 开始向下对每个 λ 求解问题；圆圈标出系数进入模型的位置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AdamHAPG runs here without the momentum of Eq. 7-8, as in the optimizer ablation: with it, it diverges on this problem. Its group step is the median of its weights&apos; steps, so it may remove a group, such as one with a single nonzero coefficient, that the SGL minimiser keeps.</source>
        <translation>此处 AdamHAPG 不带式 7-8 的动量运行，与优化器消融实验相同：带动量时它在此问题上发散。其组步长为组内各权重步长的中位数，因此它可能移除 SGL 最小化解会保留的组，例如只有一个非零系数的组。</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabPathPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="+558"/>
        <source>λ (decreasing →)</source>
        <translation>λ（递减 →）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coefficient</source>
        <translation>系数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>enters the model</source>
        <translation>进入模型</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabRegression</name>
    <message>
        <location filename="../app/studio/labregression.cpp" line="+73"/>
        <source>Re&amp;generate</source>
        <translation>重新生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new planted problem: 12 coefficients in 4 groups of 3 (one strong group, one with a single nonzero, one weak, one zero), 60 noisy samples</source>
        <translation>新的预设问题：12 个系数分为 4 组、每组 3 个（一个强组、一个只有单个非零系数的组、一个弱组、一个零组），60 个带噪声的样本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>R&amp;un</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the five optimizers side by side, a full gradient step each per tick</source>
        <translation>并排运行五个优化器，每个时钟周期各执行一次完整梯度步</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Res&amp;tart</source>
        <translation>重新开始(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every optimizer again from zero</source>
        <translation>让每个优化器从零重新开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>λ / λ_max:</source>
        <translation>λ / λ_max：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The race&apos;s λ as a share of λ_max, the smallest λ at which every coefficient is zero (α is the one above)</source>
        <translation>比较所用的 λ，以 λ_max 的比例表示；λ_max 是所有系数都为零的最小 λ（α 取上方的值）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The λ and α the race uses; the path plot marks this λ</source>
        <translation>比较所用的 λ 和 α；路径图标出该 λ</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Top: loss + penalty at the point each optimizer reports. Bottom: its coefficients that are exactly 0.0. HAPG, AdamHAPG and ISTA take proximal steps and reach exact zeros; SGD and Adam (dashed) follow a subgradient and do not.</source>
        <translation>上：各优化器所报告点处的损失 + 惩罚。下：其恰好为 0.0 的系数个数。HAPG、AdamHAPG 和 ISTA 采用近端步，能达到精确零；SGD 和 Adam（虚线）沿次梯度下降，达不到。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exact zeros per optimizer at the last step, and how many the planted truth has</source>
        <translation>各优化器在最后一步的精确零个数，以及预设真值中的零个数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every coefficient of the SGL solution against λ, from λ_max (all zero) down to λ_max / 100, solved by ISTA for each λ. A circle marks where a coefficient enters; the dashed line is the race&apos;s λ.</source>
        <translation>SGL 解的每个系数随 λ 的变化，从 λ_max（全为零）到 λ_max / 100，每个 λ 均由 ISTA 求解。圆圈标出系数进入模型的位置；虚线为比较所用的 λ。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>λ_max and how many coefficients the path brings in</source>
        <translation>λ_max 以及路径引入的系数个数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>AdamHAPG (without momentum)</source>
        <translation>AdamHAPG（无动量）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISTA (HAPG without momentum)</source>
        <translation>ISTA（无动量的 HAPG）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGD (subgradient)</source>
        <translation>SGD（次梯度）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adam (subgradient)</source>
        <translation>Adam（次梯度）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>α = %1, λ_max = %2: %3 of %4 coefficients enter before λ_max / 100</source>
        <translation>α = %1，λ_max = %2：%4 个系数中有 %3 个在 λ_max / 100 之前进入模型</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>λ = %1, α = %2</source>
        <translation>λ = %1，α = %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>After %1 steps, exact zeros: %2 (planted: %3)</source>
        <translation>%1 步后的精确零：%2（预设：%3）</translation>
    </message>
</context>
<context>
    <name>sparsenas::LabWindow</name>
    <message>
        <location filename="../app/studio/labwindow.cpp" line="+47"/>
        <source>One strong group, one weak group, one mixed</source>
        <translation>一个强组、一个弱组、一个混合组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Many small weights</source>
        <translation>许多小权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups of different sizes</source>
        <translation>大小不同的组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One weight dominates each group</source>
        <translation>每组由一个权重主导</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Teaching lab — SparseNAS Studio</source>
        <translation>教学实验室 — SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Prox explorer</source>
        <translation>近端算子探索器(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Regression</source>
        <translation>回归(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proximal operators on a small grouped vector, and the 2-D picture of one group of two weights</source>
        <translation>作用于小型分组向量的近端算子，以及一个由两个权重组成的组的二维图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A planted sparse-group regression solved by five optimizers, and its regularization path</source>
        <translation>由五个优化器求解的预设稀疏组回归问题及其正则化路径</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Previous panel (Page Up)</source>
        <translation>上一个面板（Page Up）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next panel (Page Down)</source>
        <translation>下一个面板（Page Down）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave presentation (Esc)</source>
        <translation>退出演示（Esc）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Pre&amp;set:</source>
        <translation>预设(&amp;S)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Example vectors, each split into groups</source>
        <translation>示例向量，每个都划分为若干组</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vector:</source>
        <translation>向量(&amp;V)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The weights z, groups separated by &quot;|&quot;, values by spaces, e.g. &quot;2 -1.5 | 0.3 0.2&quot;. Press Enter to apply.</source>
        <translation>权重 z，组之间用“|”分隔，数值之间用空格分隔，例如“2 -1.5 | 0.3 0.2”。按回车键应用。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>λ: the strength of the penalty. Larger λ, larger thresholds, more exact zeros.</source>
        <translation>λ：惩罚的强度。λ 越大，阈值越大，精确零越多。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>α: the share of the penalty on single weights (Lasso, α = 1) against whole groups (Group Lasso, α = 0).</source>
        <translation>α：惩罚作用于单个权重（Lasso，α = 1）与作用于整个组（组 Lasso，α = 0）之间的比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>η: the step size. The prox of a step of size η thresholds by η times the penalty&apos;s weights.</source>
        <translation>η：步长。步长为 η 的近端算子以 η 乘以惩罚权重作为阈值。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Presentation (F11)</source>
        <translation>演示（F11）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen for a projector: larger fonts and lines, high-contrast colours, one panel at a time. Esc leaves, Page Up / Page Down change the panel.</source>
        <translation>投影仪全屏：更大的字体和线条、高对比度颜色，一次显示一个面板。Esc 退出，Page Up / Page Down 切换面板。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explain…</source>
        <translation>解释…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The equations and what they mean (F1)</source>
        <translation>公式及其含义（F1）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Soft-thresholding (Eq. 9)</source>
        <translation>软阈值（式 9）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group shrinkage alone (Eq. 10)</source>
        <translation>仅组收缩（式 10）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SGL prox: group shrinkage after soft-thresholding (Eq. 5)</source>
        <translation>SGL 近端算子：软阈值之后的组收缩（式 5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each weight moves towards zero by η λ α; a weight closer to zero than that becomes exactly zero (circle). Dashed: before the step.</source>
        <translation>每个权重向零移动 η λ α；离零更近的权重恰好变为零（圆圈）。虚线：步之前。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each group is shortened by η λ (1 − α) √|g|; a group shorter than that becomes exactly zero as a whole. Dashed: before the step.</source>
        <translation>每个组缩短 η λ (1 − α) √|g|；比这更短的组整体恰好变为零。虚线：步之前。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The proximal operator of the SGL penalty: single weights and whole groups can become exactly zero. Dashed: before the step.</source>
        <translation>SGL 惩罚的近端算子：单个权重和整个组都可能恰好变为零。虚线：步之前。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply each operator once more to its own result</source>
        <translation>将每个算子再作用一次于其自身结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Animate</source>
        <translation>动画(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step repeatedly: with proximal steps alone (no gradient) every weight reaches exactly zero in finitely many steps</source>
        <translation>重复执行单步：仅用近端步（无梯度）时，每个权重都会在有限步内恰好到达零</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>R&amp;eset</source>
        <translation>重置(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to one step on the vector</source>
        <translation>回到对向量执行一步的状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many times each operator has been applied</source>
        <translation>每个算子已被应用的次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counted on the composition (Eq. 5): weights and groups exactly zero, and the penalty Ω before and after</source>
        <translation>基于复合算子（式 5）统计：恰好为零的权重和组，以及步前后的惩罚 Ω</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The point z (one group of two weights) and its image under one prox step with the λ, α and η above</source>
        <translation>点 z（一个由两个权重组成的组）及其在上方 λ、α、η 下经过一次近端步后的像</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>threshold η λ α = %1</source>
        <translation>阈值 η λ α = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group thresholds η λ (1 − α) √|g| = %1</source>
        <translation>组阈值 η λ (1 − α) √|g| = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Eq. 5: %1 of %2 weights and %3 of %4 groups exactly zero; Ω %5 → %6</source>
        <translation>式 5：%2 个权重中有 %1 个、%4 个组中有 %3 个恰好为零；Ω %5 → %6</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the whole group becomes exactly zero</source>
        <translation>整个组恰好变为零</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one weight becomes exactly zero, the group stays</source>
        <translation>一个权重恰好变为零，组保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>both weights shrink and stay nonzero</source>
        <translation>两个权重都收缩并保持非零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z = (%1, %2) → prox(z) = (%3, %4): %5</source>
        <translation>z = (%1, %2) → prox(z) = (%3, %4)：%5</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Proximal operators (Eq. 9, 10, 5)</source>
        <translation>近端算子（式 9、10、5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit balls and one prox step</source>
        <translation>单位球与一次近端步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizers side by side</source>
        <translation>优化器并排比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization path</source>
        <translation>正则化路径</translation>
    </message>
</context>
<context>
    <name>sparsenas::LogView</name>
    <message>
        <location filename="../widgets/logview.cpp" line="+37"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lambda changed</source>
        <translation>lambda 已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alpha changed</source>
        <translation>alpha 已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lambda step changed</source>
        <translation>lambda 步长已更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checkpoint written</source>
        <translation>已写入检查点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>about %1 (estimated from the epochs&apos; durations)</source>
        <translation>约 %1（由各轮次的用时估算）</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>All messages</source>
        <translation>所有消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show messages of this level and above</source>
        <translation>显示此级别及以上的消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the whole log (all levels, last %L1 lines) to a text file</source>
        <translation>将完整日志（所有级别，最后 %L1 行）写入文本文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Epoch %1 done: train loss %2, accuracy %3 % · test loss %4, accuracy %5 % · %6 s</source>
        <translation>第 %1 轮完成：训练损失 %2，准确率 %3% · 测试损失 %4，准确率 %5% · %6 秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reduction</source>
        <translation>缩减</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: nodes %2/%3, paths %4</source>
        <translation>%1：节点 %2/%3，路径 %4</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Epoch %1 done: λ = %2 · train perplexity %3 · validation perplexity %4 · %5 · %6 s</source>
        <translation>第 %1 轮完成：λ = %2 · 训练困惑度 %3 · 验证困惑度 %4 · %5 · %6 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1 done: λ = %2 · train loss %3, accuracy %4 % · validation loss %5, accuracy %6 % · %7 · %8 s</source>
        <translation>第 %1 轮完成：λ = %2 · 训练损失 %3，准确率 %4% · 验证损失 %5，准确率 %6% · %7 · %8 秒</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Errors: %L1</source>
        <translation>错误：%L1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warnings: %L1</source>
        <translation>警告：%L1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source># %1 earlier lines were dropped (the log keeps the last %2)
</source>
        <translation># 已丢弃 %1 行较早的内容（日志仅保留最后 %2 行）
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot write the log to &quot;%1&quot;: %2</source>
        <translation>无法将日志写入“%1”：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot export the log to &quot;%1&quot;: unsupported format &quot;%2&quot; (use .txt or .log).</source>
        <translation>无法将日志导出到“%1”：不支持的格式“%2”（请使用 .txt 或 .log）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>sparsenas::MainWindow</name>
    <message>
        <location filename="../app/studio/mainwindow.cpp" line="+118"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steering</source>
        <translation>调控</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cell graph</source>
        <translation>单元图</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Architecture weights</source>
        <translation>架构权重</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Regularization paths</source>
        <translation>正则化路径</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Node survival</source>
        <translation>节点存活</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run log</source>
        <translation>运行日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent &amp;runs</source>
        <translation>最近的运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Load configuration…</source>
        <translation>加载配置(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save configuration &amp;as…</source>
        <translation>配置另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;view</source>
        <translation>导出视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training curves…</source>
        <translation>训练曲线…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture weights…</source>
        <translation>架构权重…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>architecture weights</source>
        <translation>架构权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node survival…</source>
        <translation>节点存活…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node survival</source>
        <translation>节点存活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization paths…</source>
        <translation>正则化路径…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>regularization paths</source>
        <translation>正则化路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell graph…</source>
        <translation>单元图…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load pr&amp;eset</source>
        <translation>加载预设(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lab</source>
        <translation>实验室(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prox explorer…</source>
        <translation>近端算子探索器(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supernet &amp;sweep…</source>
        <translation>超网络参数扫描(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Optimizer ablation (Fig. 3)…</source>
        <translation>优化器消融实验（图 3）(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Sparsity &amp;explained…</source>
        <translation>稀疏性解释(&amp;E)…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About SparseNAS Studio</source>
        <translation>关于 SparseNAS Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot open the run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A search runs in this window; stop it first, or open %1 from File ▸ Open run in another studio.</source>
        <translation>此窗口中有搜索正在运行；请先停止，或在另一个 Studio 中通过 文件 ▸ 打开运行 打开 %1。</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+7"/>
        <source>Invalid configuration</source>
        <translation>配置无效</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Fix these settings first:
%1</source>
        <translation>请先修正以下设置：
%1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cannot start</source>
        <translation>无法启动</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New run in %1</source>
        <translation>新运行位于 %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot fork</source>
        <translation>无法分叉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forked %1 into %2</source>
        <translation>已将 %1 分叉到 %2</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Resume run</source>
        <translation>恢复运行</translation>
    </message>
    <message>
        <location line="+366"/>
        <source>Cannot resume</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location line="-360"/>
        <source>Open run directory</source>
        <translation>打开运行目录</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>Cannot evaluate</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Evaluating the recurrent cell of %1 in %2: the curves show the training and validation loss per word; the test perplexity comes at the end</source>
        <translation>正在 %2 中评估 %1 的循环单元：曲线显示每词的训练和验证损失；测试困惑度在最后给出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluating the cell of %1 in %2: the curves show training and test accuracy</source>
        <translation>正在 %2 中评估 %1 的单元：曲线显示训练和测试准确率</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Evaluate derived architecture</source>
        <translation>评估导出的架构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the cell of %1 on its own with the evaluation preset:</source>
        <translation>使用以下评估预设单独训练 %1 的单元：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export evaluations</source>
        <translation>导出评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;Markdown (*.md);;LaTeX tabular (*.tex)</source>
        <translation>CSV (*.csv);;Markdown (*.md);;LaTeX tabular (*.tex)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot export the evaluations</source>
        <translation>无法导出评估</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+305"/>
        <source>Search running</source>
        <translation>搜索正在运行</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Stop the running search before opening another run.</source>
        <translation>请先停止正在运行的搜索，再打开其他运行。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open run</source>
        <translation>无法打开运行</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A cell collapsed at step %1.</source>
        <translation>第 %1 步时有一个单元坍塌。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>reduction</source>
        <translation>缩减</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>SparseNAS Studio</source>
        <translation>SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>A search is running. Stop it (a checkpoint is written so it can be resumed) and quit?</source>
        <translation>搜索正在运行。是否停止搜索（将写入检查点以便日后恢复）并退出？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping the search and writing a checkpoint…</source>
        <translation>正在停止搜索并写入检查点…</translation>
    </message>
</context>
<context>
    <name>sparsenas::PlotExport</name>
    <message>
        <location filename="../widgets/plotexport.cpp" line="+76"/>
        <source>Cannot export %1: there is no plot.</source>
        <translation>无法导出 %1：没有图表。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot export %1: unsupported format &quot;%2&quot; (use .png, .pdf or .svg).</source>
        <translation>无法导出 %1：不支持的格式“%2”（请使用 .png、.pdf 或 .svg）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>sparsenas::PlotToolRow</name>
    <message>
        <location line="+15"/>
        <source>X axis:</source>
        <translation>X 轴：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescale the axes to the data and follow new data again</source>
        <translation>将坐标轴缩放至数据范围，并重新跟随新数据</translation>
    </message>
</context>
<context>
    <name>sparsenas::ProxBarsPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="-526"/>
        <source>before the step</source>
        <translation>步之前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exactly zero</source>
        <translation>恰好为零</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>element</source>
        <translation>元素</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>element %1, group %2: %3 → %4</source>
        <translation>元素 %1，组 %2：%3 → %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exactly zero: the weight is removed</source>
        <translation>恰好为零：该权重被移除</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
</context>
<context>
    <name>sparsenas::RegPathView</name>
    <message>
        <location filename="../widgets/regpathview.cpp" line="+41"/>
        <source>Cell:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <location line="+711"/>
        <source>Recurrent</source>
        <translation>循环</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduction</source>
        <translation>缩减</translation>
    </message>
    <message>
        <location line="-718"/>
        <location line="+220"/>
        <location line="+485"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="-705"/>
        <location line="+705"/>
        <source>Step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="-693"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>edge</source>
        <translation>边</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour each path by its edge or by its operation</source>
        <translation>按边或按操作为每条路径着色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every path, the paths into one node, or those of one edge</source>
        <translation>所有路径、进入某一节点的路径，或某一条边的路径</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>All paths</source>
        <translation>所有路径</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Into node %1</source>
        <translation>进入节点 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edge %1</source>
        <translation>边 %1</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Architecture weight A</source>
        <translation>架构权重 A</translation>
    </message>
    <message>
        <location line="+361"/>
        <source>Selected: %1, %2</source>
        <translation>已选择：%1，%2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1, %2: A = %3 at step %4</source>
        <translation>%1，%2：第 %4 步时 A = %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2: A = %3 at λ = %4</source>
        <translation>%1，%2：λ = %4 时 A = %3</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunActions</name>
    <message>
        <location filename="../app/studio/runactions.cpp" line="+17"/>
        <source>&amp;Start search</source>
        <translation>开始搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new search with the configuration on the left</source>
        <translation>使用左侧的配置开始新的搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+37"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Pause or resume the search after the current batch</source>
        <translation>在当前批次结束后暂停或继续搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after the current batch; a checkpoint is written</source>
        <translation>在当前批次结束后停止；将写入检查点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;checkpoint</source>
        <translation>保存检查点(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fork from checkpoint…</source>
        <translation>从检查点分叉(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new run from a checkpoint with the settings on the left</source>
        <translation>以左侧的设置从检查点开始新的运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume r&amp;un…</source>
        <translation>恢复运行(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue a stopped or killed run from its last checkpoint</source>
        <translation>从最后一个检查点继续已停止或被终止的运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open run directory…</source>
        <translation>打开运行目录(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export cell for paper…</source>
        <translation>导出论文用单元图(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;metrics as CSV…</source>
        <translation>将指标导出为 CSV(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;valuate derived architecture…</source>
        <translation>评估导出的架构(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train the network of the shown run&apos;s genotype on its own and test it (an evaluation preset); the result joins the Evaluations table</source>
        <translation>单独训练并测试所显示运行的基因型的网络（使用评估预设）；结果加入“评估”表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunFollower</name>
    <message>
        <location filename="../app/studio/runfollower.cpp" line="+38"/>
        <source>%1 is not a run directory: it has no config.json.</source>
        <translation>%1 不是运行目录：其中没有 config.json。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the configuration of %1: %2</source>
        <translation>无法读取 %1 的配置：%2</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>status.json says %1, but no process writes this run any more: it was killed; resume continues from its last checkpoint, or starts it again if it had none</source>
        <translation>status.json 显示 %1，但已没有进程在写入此运行：它已被终止；恢复时将从最后一个检查点继续，若没有检查点则重新开始</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunSession</name>
    <message>
        <location filename="../app/studio/runsession.cpp" line="+75"/>
        <source>Stop the running search before opening another run.</source>
        <translation>请先停止正在运行的搜索，再打开其他运行。</translation>
    </message>
</context>
<context>
    <name>sparsenas::RunStatusBar</name>
    <message>
        <location filename="../app/studio/runstatusbar.cpp" line="+148"/>
        <source>epoch %1/%2</source>
        <translation>轮次 %1/%2</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+89"/>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+45"/>
        <source>%1 ranks · step %2–%3 s</source>
        <translation>%1 个进程 · 每步 %2–%3 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data-parallel run of %1 processes, step %2:</source>
        <translation>%1 个进程的数据并行运行，第 %2 步：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank %1: %2 s</source>
        <translation>进程 %1：%2 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rank 0 exchanged with the others for %1 s (%2 % of the step)</source>
        <translation>进程 0 与其他进程通信 %1 秒（占该步的 %2 %）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search finished; the derived cell is in %1</source>
        <translation>搜索完成；推导出的单元位于 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search stopped; resume it with Run ▸ Resume run.</source>
        <translation>搜索已停止；可通过“运行 ▸ 恢复运行”继续。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The search could not start: %1</source>
        <translation>搜索无法开始：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Epoch %1/%2 · step %3/%4 · ETA %5</source>
        <translation>轮次 %1/%2 · 步 %3/%4 · 预计剩余 %5</translation>
    </message>
</context>
<context>
    <name>sparsenas::SearchController</name>
    <message>
        <location filename="../app/studio/searchcontroller.cpp" line="+107"/>
        <source>A search is already running in %1.</source>
        <translation>%1 中已有搜索正在运行。</translation>
    </message>
</context>
<context>
    <name>sparsenas::SolverRacePlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="+250"/>
        <source>loss + penalty</source>
        <translation>损失 + 惩罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exact zeros</source>
        <translation>精确零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>planted zeros: %1</source>
        <translation>预设零：%1</translation>
    </message>
</context>
<context>
    <name>sparsenas::SteeringPanel</name>
    <message>
        <location filename="../widgets/steeringpanel.cpp" line="+21"/>
        <location line="+73"/>
        <source>No search running.</source>
        <translation>没有正在运行的搜索。</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>&lt;i&gt;in force&lt;/i&gt;</source>
        <translation>&lt;i&gt;当前生效&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ (lambda)</source>
        <translation>λ（lambda）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty strength; raised by the lambda step every epoch</source>
        <translation>惩罚强度；每个轮次按 lambda 步长增加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>α (alpha)</source>
        <translation>α（alpha）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the L1 term: 1 = Lasso, 0 = Group Lasso</source>
        <translation>L1 项的占比：1 = Lasso，0 = 组 Lasso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>λ step</source>
        <translation>λ 步长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added to lambda at the start of every epoch</source>
        <translation>在每个轮次开始时加到 lambda 上</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply now; the engine takes it before the next batch</source>
        <translation>立即应用；引擎会在下一批次之前采用该值</translation>
    </message>
</context>
<context>
    <name>sparsenas::StudioDialogs</name>
    <message>
        <location filename="../app/studio/studiodialogs.cpp" line="+22"/>
        <source>The search stopped with an error:

%1

Everything up to the last checkpoint is in %2.</source>
        <translation>搜索因错误而停止：

%1

截至最后一个检查点的全部内容都保存在 %2 中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search could not start:

%1</source>
        <translation>搜索无法启动：

%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search failed</source>
        <translation>搜索失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot start the search</source>
        <translation>无法开始搜索</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resume paused from checkpoint</source>
        <translation>从检查点恢复（暂停）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 cell collapsed at step %2 (λ = %3): every architecture weight of it is exactly zero. Its gradient is zero too, so it cannot come back, and the network no longer depends on its input.

The search is paused. Roll back to the last checkpoint and lower λ or its step before resuming.</source>
        <translation>%1单元在第 %2 步坍塌（λ = %3）：它的所有架构权重都恰好为零。它的梯度也为零，因此无法恢复，网络也不再依赖其输入。

搜索已暂停。请回滚到上一个检查点，并在继续之前降低 λ 或其步长。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cell collapsed</source>
        <translation>单元坍塌</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back to last checkpoint</source>
        <translation>回滚到上一个检查点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume as it is</source>
        <translation>按原样继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About SparseNAS Studio</source>
        <translation>关于 SparseNAS Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SparseNAS Studio %1&lt;/h3&gt;&lt;p&gt;Neural architecture search as a sparse supernet: a DARTS supernet with linear edges, sparsified by a Sparse Group Lasso penalty with hierarchical proximal optimizers (HAPG, AdamHAPG).&lt;/p&gt;&lt;p&gt;LibTorch %2 · BLAS: %3 · CUDA: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SparseNAS Studio %1&lt;/h3&gt;&lt;p&gt;以稀疏超网实现神经架构搜索：一个具有线性边的 DARTS 超网，借助分层近端优化器（HAPG、AdamHAPG），通过稀疏组 Lasso 惩罚项实现稀疏化。&lt;/p&gt;&lt;p&gt;LibTorch %2 · BLAS：%3 · CUDA：%4&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
</context>
<context>
    <name>sparsenas::StudioFiles</name>
    <message>
        <location filename="../app/studio/studiofiles.cpp" line="+29"/>
        <source>Load configuration</source>
        <translation>加载配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>JSON configuration (*.json)</source>
        <translation>JSON 配置 (*.json)</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+7"/>
        <source>Cannot load</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a JSON object; the form is unchanged.</source>
        <translation>%1 不是 JSON 对象；表单保持不变。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fork from checkpoint</source>
        <translation>从检查点分叉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoints (*.pt)</source>
        <translation>检查点 (*.pt)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a search or open a run first: there is no cell yet.</source>
        <translation>请先开始搜索或打开一个运行：目前还没有单元。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>;;SVG drawing (*.svg)</source>
        <translation>;;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location line="+26"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Export cell graph</source>
        <translation>导出单元图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PDF 文档 (*.pdf);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No metrics yet</source>
        <translation>尚无指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no metrics.csv yet: it is written at the end of every epoch.</source>
        <translation>%1 中尚无 metrics.csv：该文件会在每个轮次结束时写入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>sparsenas::SurvivalView</name>
    <message>
        <location filename="../widgets/survivalview.cpp" line="+36"/>
        <location line="+36"/>
        <location line="+254"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-290"/>
        <location line="+290"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location line="-261"/>
        <source>Alive nodes</source>
        <translation>存活节点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alive paths</source>
        <translation>存活路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparsity (%)</source>
        <translation>稀疏度（%）</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+2"/>
        <location line="+198"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>normal cell</source>
        <translation>普通单元</translation>
    </message>
    <message>
        <location line="-201"/>
        <location line="+2"/>
        <source>reduction cell</source>
        <translation>缩减单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>element sparsity (right axis)</source>
        <translation>元素稀疏度（右轴）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group sparsity (right axis)</source>
        <translation>组稀疏度（右轴）</translation>
    </message>
    <message>
        <location line="+119"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>recurrent cell</source>
        <translation>循环单元</translation>
    </message>
</context>
<context>
    <name>sparsenas::SvgView</name>
    <message>
        <location filename="../widgets/svgview.cpp" line="+180"/>
        <source>No drawing</source>
        <translation>无绘图</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The drawing could not be read.</source>
        <translation>无法读取该绘图。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The drawing of &quot;%1&quot; is not SVG.</source>
        <translation>“%1”的绘图不是 SVG。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The drawing of &quot;%1&quot; has no size.</source>
        <translation>“%1”的绘图没有尺寸。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The drawing of &quot;%1&quot; is not valid SVG: %2</source>
        <translation>“%1”的绘图不是有效的 SVG：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown image format &quot;%1&quot; (use .png or .pdf)</source>
        <translation>未知的图像格式“%1”（请使用 .png 或 .pdf）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the drawing could not be read</source>
        <translation>无法读取该绘图</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>the drawing is empty</source>
        <translation>绘图为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PNG encoding failed</source>
        <translation>PNG 编码失败</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PDF output could not be started</source>
        <translation>无法启动 PDF 输出</translation>
    </message>
</context>
<context>
    <name>sparsenas::SweepPanel</name>
    <message>
        <location filename="../app/studio/sweeppanel.cpp" line="+139"/>
        <source>What every point starts from: a search preset, a configuration file, or the base of an opened sweep. The grid and the settings below change it.</source>
        <translation>每个点的起点：搜索预设、配置文件或已打开扫描的基础配置。下方的网格和设置会修改它。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every point from a JSON configuration file instead</source>
        <translation>改为从 JSON 配置文件开始每个点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Base</source>
        <translation>基础</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One config field per line with the values it takes, e.g. arch.alpha=0.3,0.5,0.7. Every combination is one search; the first line varies slowest.</source>
        <translation>每行一个配置字段及其取值，例如 arch.alpha=0.3,0.5,0.7。每种组合为一次搜索；第一行变化最慢。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings for every point, one field=value per line (as --set)</source>
        <translation>适用于每个点的设置，每行一个 字段=值（同 --set）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as the cores allow</source>
        <translation>按核心数自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches at once; the threads of each are chosen so that the cores are not oversubscribed</source>
        <translation>同时进行的搜索数；每个搜索的线程数会自动选择以免核心超额占用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parallel searches</source>
        <translation>并行搜索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no evaluation</source>
        <translation>不评估</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Train each point&apos;s derived cell on its own after its search and add its test accuracy to the summary</source>
        <translation>在每个点搜索完成后单独训练其导出的单元，并将测试准确率加入汇总</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sweep folder: one run directory per point, sweep.json and the summary. Starting a sweep in its own folder again continues it.</source>
        <translation>扫描文件夹：每个点一个运行目录、sweep.json 和汇总。在同一文件夹中再次开始将继续该扫描。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the sweep folder</source>
        <translation>选择扫描文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the sweep; in a folder that holds it already, continue it (finished points are not run again)</source>
        <translation>运行扫描；若文件夹中已有该扫描则继续（已完成的点不会重新运行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every running search after its checkpoint; Start continues</source>
        <translation>在检查点之后停止所有正在运行的搜索；点击开始可继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow a sweep folder, also one running from a terminal</source>
        <translation>跟踪一个扫描文件夹，包括在终端中运行的扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The summary as CSV or Markdown, or the curves as SVG, PDF or PNG, as sparsenas sweep writes them</source>
        <translation>将汇总导出为 CSV 或 Markdown，或将曲线导出为 SVG、PDF 或 PNG，与 sparsenas sweep 写出的相同</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Double-click a point to open its search in the main window</source>
        <translation>双击某个点可在主窗口中打开其搜索</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Each point&apos;s validation accuracy appears here after its first epoch</source>
        <translation>每个点的验证准确率将在其第一个轮次后显示在此</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What sparsenas sweep says; each search&apos;s own output is in the sweep folder&apos;s &lt;point&gt;.log</source>
        <translation>sparsenas sweep 的输出；每个搜索自身的输出位于扫描文件夹的 &lt;点&gt;.log 中</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Choose the base of the sweep: a preset or a configuration file.</source>
        <translation>请选择扫描的基础：预设或配置文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The grid is empty: give at least one line field=value,value,...</source>
        <translation>网格为空：请至少给出一行 字段=值,值,...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Grid line %1: %2</source>
        <translation>网格第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grid: %1</source>
        <translation>网格：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings line %1 (%2): expected field=value, e.g. search.epochs=10</source>
        <translation>设置第 %1 行（%2）：应为 字段=值，例如 search.epochs=10</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the sweep folder.</source>
        <translation>请选择扫描文件夹。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a run directory; a sweep needs a folder of its own.</source>
        <translation>%1 是运行目录；扫描需要单独的文件夹。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The sweep is running.</source>
        <translation>扫描正在运行。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The sweep is running; stop it before opening another.</source>
        <translation>扫描正在运行；打开其他扫描前请先停止。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a sweep folder: %2</source>
        <translation>%1 不是扫描文件夹：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>base of %1</source>
        <translation>%1 的基础配置</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Validation accuracy during the search</source>
        <translation>搜索过程中的验证准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy (%)</source>
        <translation>验证准确率（%）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Point</source>
        <translation>点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Epochs</source>
        <translation>轮次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Val. acc. %</source>
        <translation>验证准确率 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zeros %</source>
        <translation>零值 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 nodes / paths</source>
        <translation>%1 节点 / 路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search s</source>
        <translation>搜索秒数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Params M</source>
        <translation>参数量 M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test acc. %</source>
        <translation>测试准确率 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>evaluation %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Points: %1 · finished %2 · running %3 · failed %4 · waiting or stopped %5</source>
        <translation>点数：%1 · 已完成 %2 · 运行中 %3 · 失败 %4 · 等待或已停止 %5</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: choose .csv, .md, .svg, .pdf or .png</source>
        <translation>%1：请选择 .csv、.md、.svg、.pdf 或 .png</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Base configuration</source>
        <translation>基础配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON configuration (*.json)</source>
        <translation>JSON 配置 (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sweep folder</source>
        <translation>扫描文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open sweep folder</source>
        <translation>打开扫描文件夹</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export sweep</source>
        <translation>导出扫描</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary CSV (*.csv);;Summary Markdown (*.md);;Curves SVG (*.svg);;Curves PDF (*.pdf);;Curves PNG (*.png)</source>
        <translation>汇总 CSV (*.csv);;汇总 Markdown (*.md);;曲线 SVG (*.svg);;曲线 PDF (*.pdf);;曲线 PNG (*.png)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>sparsenas::UnitBallPlot</name>
    <message>
        <location filename="../widgets/labplots.cpp" line="-270"/>
        <source>prox: x₁ = 0</source>
        <translation>近端：x₁ = 0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>prox: x₂ = 0</source>
        <translation>近端：x₂ = 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prox: x = 0 (group)</source>
        <translation>近端：x = 0（整组）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>point z</source>
        <translation>点 z</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>prox(z), one step</source>
        <translation>prox(z)，一步</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click or drag to move the point z. The arrow is one prox step (Eq. 5). Shaded: the points the prox maps to an exact zero. The SGL unit ball is α‖x‖₁ + (1 − α)√2‖x‖₂ = 1 (one group of two weights).</source>
        <translation>单击或拖动以移动点 z。箭头表示一次近端步（式 5）。阴影：近端算子映射为精确零的点。SGL 单位球为 α‖x‖₁ + (1 − α)√2‖x‖₂ = 1（一个由两个权重组成的组）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Lasso: ‖x‖₁ = 1</source>
        <translation>Lasso：‖x‖₁ = 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group Lasso: √2‖x‖₂ = 1</source>
        <translation>组 Lasso：√2‖x‖₂ = 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGL, α = %1</source>
        <translation>SGL，α = %1</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>here one prox step sets x₁ to exactly 0</source>
        <translation>此处一次近端步将 x₁ 恰好置为 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step sets x₂ to exactly 0</source>
        <translation>此处一次近端步将 x₂ 恰好置为 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step removes the whole group (x = 0)</source>
        <translation>此处一次近端步移除整个组（x = 0）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>here one prox step shrinks the point but keeps both coordinates</source>
        <translation>此处一次近端步收缩该点但保留两个坐标</translation>
    </message>
</context>
<context>
    <name>sparsenas::ViewHub</name>
    <message>
        <location filename="../app/studio/viewhub.cpp" line="+143"/>
        <source>λ = %1</source>
        <translation>λ = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>λ step = %1</source>
        <translation>λ 步长 = %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>resumed</source>
        <translation>已继续</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checkpoint</source>
        <translation>检查点</translation>
    </message>
</context>
</TS>
